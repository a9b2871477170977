"""Variables a library or framework reads by itself are never unused: by dependency
(package.json) or by a framework's own project file (main.wasp)."""

from __future__ import annotations

import json

import pytest

from .conftest import write_repo

CODE = {"src/app.ts": "export const u = process.env.APP_URL;\n"}


@pytest.mark.parametrize(
    ("files", "name"),
    [
        pytest.param({"package.json": json.dumps({"dependencies": {"@ai-sdk/gateway": "1"}})}, "AI_GATEWAY_API_KEY", id="ai-gateway"),
        pytest.param({"package.json": json.dumps({"devDependencies": {"@sveltejs/adapter-node": "5"}})}, "XFF_DEPTH", id="adapter-node"),
        pytest.param({"package.json": json.dumps({"dependencies": {"next": "15"}})}, "NEXT_OTEL_VERBOSE", id="next"),
        pytest.param({"main.wasp.ts": "export default {};\n"}, "GOOGLE_CLIENT_ID", id="wasp-project-file"),
    ],
)
def test_a_variable_the_library_reads_is_not_unused(run_in, tmp_path, files, name):
    write_repo(tmp_path, {**CODE, **files, ".env.example": f"APP_URL=\n{name}=\n"})
    assert run_in(tmp_path).out.startswith("No problems found")


def test_without_the_library_it_is_unused(run_in, tmp_path):
    write_repo(tmp_path, {**CODE, "package.json": "{}", ".env.example": "APP_URL=\nXFF_DEPTH=\n"})
    assert "`XFF_DEPTH` is listed in `.env.example`" in run_in(tmp_path).out
