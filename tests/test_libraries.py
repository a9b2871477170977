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
        pytest.param({"package.json": json.dumps({"dependencies": {"react-scripts": "5"}})}, "BROWSER", id="cra-dev-server"),
        pytest.param({"package.json": json.dumps({"dependencies": {"newrelic": "12"}})}, "NEW_RELIC_ENABLED", id="apm-agent"),
        pytest.param({"package.json": json.dumps({"dependencies": {"firebase-admin": "12"}})}, "FIREBASE_AUTH_EMULATOR_HOST", id="cloud-emulator"),
        pytest.param({"package.json": json.dumps({"dependencies": {"@e2b/code-interpreter": "1"}})}, "E2B_API_KEY", id="sandbox-sdk"),
        pytest.param({"requirements.txt": "wandb>=0.16\n"}, "WANDB_API_KEY", id="tracker-sdk"),
        pytest.param({"pyproject.toml": '[project]\nname = "x"\ndependencies = ["transformers"]\n'}, "HF_TOKEN", id="model-hub-client"),
        pytest.param({"package.json": json.dumps({"dependencies": {"@langchain/core": "0.3"}})}, "LANGCHAIN_TRACING_V2", id="tracing-sdk"),
        pytest.param({"package.json": json.dumps({"dependencies": {"@google-cloud/translate": "8"}})}, "GOOGLE_APPLICATION_CREDENTIALS", id="cloud-client-family"),
        pytest.param({"requirements.txt": "google-cloud-tasks>=2\n"}, "GOOGLE_CLOUD_PROJECT", id="cloud-client-family-py"),
        pytest.param({"requirements.txt": "ddtrace>=2\n"}, "DD_SERVICE", id="tracer"),
        pytest.param({"package.json": json.dumps({"dependencies": {"better-auth": "1"}})}, "BETTER_AUTH_TRUSTED_ORIGINS", id="auth-library"),
        pytest.param({"package.json": json.dumps({"dependencies": {"autumn-js": "0.1"}})}, "AUTUMN_SECRET_KEY", id="billing-sdk"),
        pytest.param({"package.json": json.dumps({"dependencies": {"@langchain/community": "0.3"}})}, "TAVILY_API_KEY", id="agent-tool"),
        pytest.param({"requirements.txt": "litellm>=1.40\n"}, "AZURE_API_VERSION", id="llm-router"),
        pytest.param({"pyproject.toml": '[project]\nname = "x"\ndependencies = ["langchain-community"]\n'}, "CONNERY_RUNNER_API_KEY", id="agent-tools-py"),
        pytest.param({"package.json": json.dumps({"dependencies": {"dub": "0.60"}})}, "DUB_API_KEY", id="link-sdk"),
        pytest.param({"package.json": json.dumps({"dependencies": {"chromadb": "3"}})}, "CHROMA_TENANT", id="vector-db-cloud-client"),
        pytest.param({"requirements.txt": "uvicorn==0.30\n"}, "UVICORN_WORKERS", id="server-reads-its-prefix"),
        pytest.param({"requirements.txt": "gunicorn==23\n"}, "WEB_CONCURRENCY", id="app-server"),
        pytest.param({"package.json": json.dumps({"dependencies": {"@daytonaio/sdk": "0.1"}})}, "DAYTONA_TARGET", id="sandbox-client"),
        pytest.param({"requirements.txt": "replicate>=1\n"}, "REPLICATE_API_TOKEN", id="model-host-client"),
        pytest.param({"requirements.txt": "sentence_transformers==3.0\n"}, "TRANSFORMERS_OFFLINE", id="built-on-model-library"),
        pytest.param({"pyproject.toml": '[project]\nname = "x"\ndependencies = ["llama-index-llms-litellm"]\n'}, "AZURE_API_BASE", id="through-an-llm-router"),
        pytest.param({"package.json": json.dumps({"dependencies": {"convex": "1"}})}, "CONVEX_SELF_HOSTED_URL", id="backend-cli"),
        pytest.param({"requirements.txt": "langchain-openai>=0.2\n"}, "OPENAI_API_KEY", id="framework-provider-integration"),
        pytest.param({"requirements.txt": "ollama>=0.4\n"}, "OLLAMA_HOST", id="model-server-client"),
        pytest.param({"pyproject.toml": '[project]\nname = "x"\ndependencies = ["sentry-sdk[django]==2"]\n'}, "SOURCE_VERSION", id="error-tracker-release"),
        pytest.param({"requirements.txt": "boto3>=1.34\n"}, "AWS_ENDPOINT_URL_S3", id="cloud-sdk-service-endpoint"),
        pytest.param({"package.json": json.dumps({"dependencies": {"@aws-sdk/client-bedrock-runtime": "3"}})}, "AWS_SECRET_ACCESS_KEY", id="cloud-sdk-client-family"),
        pytest.param({"requirements.txt": "aioboto3>=13\n"}, "AWS_ACCESS_KEY_ID", id="cloud-sdk-async"),
        pytest.param({"requirements.txt": "google-adk>=1\n"}, "GOOGLE_GENAI_USE_VERTEXAI", id="agent-kit-py"),
        pytest.param({"package.json": json.dumps({"dependencies": {"@ai-sdk/google-vertex": "3"}})}, "GOOGLE_VERTEX_LOCATION", id="model-provider-cloud"),
        pytest.param({"main.wasp.ts": "export default {};\n"}, "GOOGLE_CLIENT_ID", id="wasp-project-file"),
        pytest.param({"package.json": json.dumps({"scripts": {"i18n": "dotenv -e .env -- npx lingo.dev@latest run"}})}, "LINGO_API_KEY", id="run-through-npx"),
        pytest.param({"requirements.txt": "fastembed>=0.3\n"}, "TOKENIZERS_PARALLELISM", id="fast-tokenizers"),
        pytest.param({"package.json": json.dumps({"dependencies": {"together-ai": "0.6"}})}, "TOGETHER_API_KEY", id="model-host-sdk"),
        pytest.param({"package.json": json.dumps({"dependencies": {"langsmith": "0.1"}})}, "LANGCHAIN_SESSION", id="tracing-older-name"),
        pytest.param({"package.json": json.dumps({"dependencies": {"typeorm": "0.2"}})}, "TYPEORM_LOGGER", id="orm-reads-its-prefix"),
        pytest.param({"package.json": json.dumps({"dependencies": {"@supabase/auth-helpers-nextjs": "0.10"}})}, "NEXT_PUBLIC_SUPABASE_ANON_KEY", id="auth-helper-defaults"),
        pytest.param({"requirements.txt": "gunicorn==23\n"}, "SCRIPT_NAME", id="wsgi-mount-prefix"),
        pytest.param({"requirements.txt": "langgraph-cli[inmem]>=0.2\n"}, "LANGGRAPH_HTTP", id="agent-server-sections"),
        pytest.param({"requirements.txt": "litellm>=1.40\n"}, "LITELLM_LOG", id="llm-router-log-level"),
        pytest.param({"package.json": json.dumps({"dependencies": {"@opentelemetry/sdk-metrics": "1"}})}, "OTEL_EXPORTER_OTLP_METRICS_HEADERS", id="otlp-per-signal-setting"),
        pytest.param({"requirements.txt": "litellm>=1.40\n"}, "LANGSMITH_PROJECT", id="llm-router-callback"),
        pytest.param({"requirements.txt": "chainlit>=2\n"}, "OAUTH_GOOGLE_CLIENT_ID", id="chat-ui-server-oauth"),
        pytest.param({"requirements.txt": "chainlit>=2\n"}, "CHAINLIT_AUTH_SECRET", id="chat-ui-server-own"),
        pytest.param({"requirements.txt": "humanlayer>=0.7\n"}, "HUMANLAYER_API_KEY", id="approval-sdk"),
        pytest.param({"package.json": json.dumps({"dependencies": {"@mastra/core": "0.20"}})}, "DEEPSEEK_API_KEY", id="model-router"),
        pytest.param({"package.json": json.dumps({"dependencies": {"resumable-stream": "2"}})}, "KV_URL", id="stream-resume-store"),
        pytest.param({"pyproject.toml": '[project]\nname = "x"\ndependencies = ["GitPython>=3.1"]\n'}, "GIT_SSL_NO_VERIFY", id="runs-git"),
    ],
)
def test_a_variable_the_library_reads_is_not_unused(run_in, tmp_path, files, name):
    write_repo(tmp_path, {**CODE, **files, ".env.example": f"APP_URL=\n{name}=\n"})
    assert run_in(tmp_path).out.startswith("No problems found")


def test_the_interpreters_own_settings_are_never_unused(run_in, tmp_path):
    write_repo(tmp_path, {"app.py": 'import os\nA = os.environ["APP_URL"]\n',
                          ".env.example": "APP_URL=\nPYTHONBREAKPOINT=ipdb.set_trace\n"})
    assert run_in(tmp_path).out.startswith("No problems found")


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("CC_PYTHON_MODULE", id="paas-builder-setting"),
        pytest.param("SERVICE_FQDN_API_8000", id="paas-generated-url"),
        pytest.param("VIRTUAL_HOST", id="proxy-container-routing"),
        pytest.param("OLLAMA_KEEP_ALIVE", id="local-model-server"),
        pytest.param("DOCKER_MODS", id="image-init-system"),
    ],
)
def test_a_platforms_or_servers_own_setting_is_never_unused_nor_stale(run_in, tmp_path, name):
    """What a platform reads from the app's environment to build, run or route it (or
    generates for it), or a model server the app talks to reads, is no variable of the app's
    code."""
    write_repo(tmp_path, {**CODE, ".env.example": f"APP_URL=\n{name}=x\n",
                          "docs/deploy.md": f"# Deploy\n\n```shell\n{name}=x\nAPP_URL=x\n```\n"})
    assert run_in(tmp_path).out.startswith("No problems found")


def test_without_the_library_it_is_unused(run_in, tmp_path):
    write_repo(tmp_path, {**CODE, "package.json": "{}", ".env.example": "APP_URL=\nXFF_DEPTH=\n"})
    assert "`XFF_DEPTH` is listed in `.env.example`" in run_in(tmp_path).out


def test_a_package_a_script_names_without_running_it_is_no_dependency(run_in, tmp_path):
    scripts = {"i18n": "echo npx is not used here: lingo.dev run", "local": "npx ./lingo.dev"}
    package = json.dumps({"scripts": scripts})
    write_repo(tmp_path, {**CODE, "package.json": package, ".env.example": "APP_URL=\nLINGO_API_KEY=\n"})
    assert "`LINGO_API_KEY` is listed in `.env.example`" in run_in(tmp_path).out


@pytest.mark.parametrize(
    ("commands", "expected"),
    [
        ("npx lingo.dev@latest run && npx lingo.dev@latest lockfile --force", ("lingo.dev",)),
        ("pnpm dlx @scope/cli@2 go; bunx --bun prisma generate", ("@scope/cli", "prisma")),
        ("yarn dlx create-x | pnpx y@1", ("create-x", "y")),
        ("npx ./local.js; npx -y tsx a.ts; npm exec -- z", ("tsx", "z")),
        ("npm run npx; echo npx", ()),
    ],
)
def test_packages_run_on_demand(commands, expected):
    from env_lint.sources.manifests import run_on_demand

    assert run_on_demand(commands) == expected


def test_auth_js_reads_the_settings_of_each_provider_it_is_given(run_in, tmp_path):
    """``import GitHub from "next-auth/providers/github"``: Auth.js reads ``AUTH_GITHUB_ID`` /
    ``_SECRET`` itself (ids with ``-`` become ``_``); a provider nothing imports is unused."""
    auth = (
        'import NextAuth from "next-auth";\n'
        'import GitHub from "next-auth/providers/github";\n'
        "import Entra from '@auth/core/providers/microsoft-entra-id';\n"
        "export const { handlers } = NextAuth({ providers: [GitHub, Entra] });\n"
    )
    example = (
        "APP_URL=\nAUTH_GITHUB_ID=\nAUTH_GITHUB_SECRET=\nAUTH_MICROSOFT_ENTRA_ID_ID=\n"
        "AUTH_MICROSOFT_ENTRA_ID_ISSUER=\nAUTH_GITLAB_ID=\n"
    )
    write_repo(tmp_path, {**CODE, "src/auth.ts": auth, ".env.example": example})
    assert run_in(tmp_path).out == (
        ".env.example:6:1: warning EL201 [unused-example-var] `AUTH_GITLAB_ID` is listed in "
        "`.env.example` but no schema declares it and no code reads it\n"
        "Found 0 errors, 1 warning (3 files checked).\n"
    )


def test_one_word_names_read_by_an_accessor_of_an_unparsed_language_are_used(run_in, tmp_path):
    """Go's ``envconfig:"PLATFORM"`` tag and ``os.Getenv("REGION")``, Ruby's ``ENV["ZONE"]``,
    Elixir's ``System.get_env("HOSTNAME")``: read, though one-word names are otherwise no
    reference (``"LOCAL"`` in a string is none)."""
    write_repo(
        tmp_path,
        {
            **CODE,
            "cmd/config.go": "package cmd\n\ntype Config struct {\n"
            '\tPlatform string `envconfig:"PLATFORM" default:"local"`\n}\n\n'
            'var region = os.Getenv("REGION")\nvar mode = "LOCAL"\n',
            "lib/zone.rb": 'ZONE = ENV["ZONE"]\n',
            "Caddyfile.example": "{$DOMAIN} {\n\treverse_proxy app:{$PORT:3000}\n}\n",
            "config/runtime.exs": 'config :app, host: System.get_env("HOSTNAME"),\n'
            '  pool: System.fetch_env!("POOL")\n',
            ".env.example": "APP_URL=\nPLATFORM=\nREGION=\nZONE=\nLOCAL=\nDOMAIN=\nHOSTNAME=\n"
            "POOL=\n",
        },
    )
    assert run_in(tmp_path).out == (
        ".env.example:5:1: warning EL201 [unused-example-var] `LOCAL` is listed in "
        "`.env.example` but no schema declares it and no code reads it\n"
        "Found 0 errors, 1 warning (2 files checked).\n"
    )


def test_a_stack_wide_example_file_counts_every_packages_libraries(run_in, tmp_path):
    """``docker/.env.example`` sits in no package: a library any package depends on reads its
    variables; an example inside another package only counts its own tree's."""
    write_repo(tmp_path, {
        **CODE,
        "workers/package.json": json.dumps({"name": "workers", "dependencies": {"inngest": "3"}}),
        "web/package.json": json.dumps({"name": "web"}),
        "docker/.env.example": "APP_URL=\nINNGEST_SIGNING_KEY=\n",
        "web/.env.example": "APP_URL=\nINNGEST_EVENT_KEY=\n",
    })
    assert run_in(tmp_path).out == (
        "web/.env.example:2:1: warning EL201 [unused-example-var] `INNGEST_EVENT_KEY` is listed "
        "in `web/.env.example` but no schema declares it and no code reads it\n"
        "Found 0 errors, 1 warning (5 files checked).\n"
    )


@pytest.mark.parametrize(
    ("files", "unused"),
    [
        ({".gitmodules": '[submodule "app"]\n\tpath = app\n\turl = https://example.com/app.git\n'}, False),
        ({}, True),  # no submodule: the repo's scripts are all the code there is
        (
            {".gitmodules": '[submodule "theme"]\n\tpath = theme\n\turl = https://example.com/t.git\n',
             "src/server.py": 'import os\nPORT = os.environ.get("PORT", "80")\n'},
            True,  # an application of its own beside the submodule: its reads count
        ),
    ],
)
def test_an_application_kept_in_a_git_submodule_is_out_of_sight(run_in, tmp_path, files, unused):
    """A repo that packages an application kept in a git submodule (``git ls-files`` lists
    none of its files): its example file lists what that code reads, so "no code reads it"
    cannot be told from the repo's own scripts."""
    write_repo(tmp_path, {
        **files,
        "scripts/start.sh": "#!/bin/sh\nexec node app/server.js --port \"$APP_PORT\"\n",
        "Dockerfile": "FROM node:20\nCOPY app/ /srv/app\n",
        ".env.example": "APP_PORT=3000\nMAILER_HOST=smtp.example.com\n",
    })
    assert ("`MAILER_HOST` is listed" in run_in(tmp_path).out) is unused
