"""Docs parser: tables, headings, list items, code blocks; what they say about each variable."""

from __future__ import annotations

import pytest

from env_lint.sources.markdown_docs import parse_doc


def mentions(text: str) -> list[tuple[str, int, int, str, bool, bool | None, str | None]]:
    return [
        (m.name, m.location.line, m.location.column, m.kind, m.primary, m.required, m.default)
        for m in parse_doc("docs/ENV.md", text).mentions
    ]


TABLE = """\
| Variable | Required | Default | Notes |
|---|---|---|---|
| `PORT_NUMBER` | No | `8080` | see `OTHER_VAR` |
| API_KEY | ✅ | — | |
| `FLAG_X` | да | | |
| `FLAG_Y` | ❌ | none | |
"""


def test_table():
    assert mentions(TABLE) == [
        ("PORT_NUMBER", 3, 4, "table", True, False, "8080"),
        ("OTHER_VAR", 3, 38, "table", False, None, None),
        ("API_KEY", 4, 3, "table", True, True, None),
        ("FLAG_X", 5, 4, "table", True, True, None),
        ("FLAG_Y", 6, 4, "table", True, False, None),
    ]


def test_a_family_of_names_in_a_variable_column_is_no_variable():
    text = "| Phase | Variables |\n|---|---|\n| Build | `APP_PUBLIC_*` |\n| Run | `APP_TOKEN` |\n"
    assert [(m[0], m[4]) for m in mentions(text)] == [("APP_TOKEN", True)]


def test_keys_a_page_keeps_in_the_browsers_storage_are_no_claims():
    text = ("## Privacy\n\n### Session Storage\n\n- `SW_STATUS` - the service worker's state\n\n"
            "### Server\n\n- `APP_TOKEN` - the API token\n")
    assert [(m[0], m[4]) for m in mentions(text)] == [("SW_STATUS", False), ("APP_TOKEN", True)]


def test_table_without_a_variable_header_mentions_but_does_not_claim():
    text = "| Name of thing | What |\n|---|---|\n| `DB_URL` | database |\n"
    assert mentions(text) == [("DB_URL", 3, 4, "table", False, None, None)]


def test_env_shaped_table_claims_its_first_column():
    text = "| Item | Description |\n|---|---|\n| `DB_URL` | database |\n"
    assert mentions(text) == [("DB_URL", 3, 4, "table", True, None, None)]


def test_generic_name_header_claims_only_in_an_env_shaped_table():
    plain = "| Name | Kind |\n|---|---|\n| `DB_URL` | url |\n"
    shaped = "| Name | Required |\n|---|---|\n| `DB_URL` | yes |\n"
    assert mentions(plain) == [("DB_URL", 3, 4, "table", False, None, None)]
    assert mentions(shaped) == [("DB_URL", 3, 4, "table", True, True, None)]


def test_constant_tables_and_retired_rows_claim_nothing():
    constants = "| Constant | Description |\n|---|---|\n| `MAX_SIZE` | limit |\n"
    retired = "| Variable | Notes |\n|---|---|\n| `OLD_URL` | removed in 2.0 |\n"
    assert [m[4] for m in mentions(constants)] == [False]
    assert [m[4] for m in mentions(retired)] == [False]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "### `JWT_SECRET`\n- **Обязательность:** ✅ Обязательно\n- **По умолчанию:** `abc`\n",
            [("JWT_SECRET", 1, 6, "heading", True, True, "abc")],
            id="russian-section-attributes",
        ),
        pytest.param(
            "### `SENTRY_DSN` (optional)\nError tracking.\n",
            [("SENTRY_DSN", 1, 6, "heading", True, False, None)],
            id="heading-words",
        ),
        pytest.param(
            "## Optional variables\n### `SENTRY_DSN`\nError tracking.\n",
            [("SENTRY_DSN", 2, 6, "heading", True, False, None)],
            id="enclosing-heading",
        ),
        pytest.param(
            "## Required\n### `A_B`\n- Required: no\n",
            [("A_B", 2, 6, "heading", True, False, None)],
            id="own-section-beats-enclosing-heading",
        ),
        pytest.param(
            "## Optional\n\n- `SENTRY_DSN` - error tracking\n- `CRON_KEY` (required) - cron\n",
            [
                ("SENTRY_DSN", 3, 4, "list", True, False, None),
                ("CRON_KEY", 4, 4, "list", True, True, None),
            ],
            id="list-items",
        ),
        pytest.param(
            "Set `SOME_VAR` before you start.\n",
            [("SOME_VAR", 1, 6, "text", False, None, None)],
            id="prose-is-a-passing-mention",
        ),
        pytest.param(
            "- See `DOCS_VAR` for details\n",
            [("DOCS_VAR", 1, 8, "text", False, None, None)],
            id="list-item-not-starting-with-a-name",
        ),
        pytest.param(
            "```bash\nexport DB_URL=postgres://x\necho $HOME USES_IT\n```\n",
            [
                ("DB_URL", 2, 8, "code", True, None, None),
                ("USES_IT", 3, 12, "code", False, None, None),
            ],
            id="fenced-code",
        ),
        pytest.param(
            "```ts\nconst k = process.env.SHOP_KEY ?? LOCAL_NAME;\n```\n",
            [
                ("LOCAL_NAME", 2, 35, "code", False, None, None),
                ("SHOP_KEY", 2, 23, "read", False, None, None),
            ],
            id="sample-code-read",
        ),
        pytest.param(
            '<ParamField path="MDX_VAR" required>\n</ParamField>\n',
            [("MDX_VAR", 1, 19, "code", False, None, None)],
            id="mdx-component",
        ),
    ],
)
def test_blocks(text, expected):
    assert mentions(text) == expected


def test_lowercase_and_mixed_words_are_not_names():
    assert mentions("| Variable |\n|---|\n| `apiKey` |\n| `Api_Key` |\n") == []


def claimed(text: str, path: str = "docs/ENV.md") -> list[str]:
    from env_lint.sources.base import Settings
    from env_lint.sources.markdown_docs import _read

    facts = _read(path, text, Settings())
    return [m.name for m in facts.mentions if m.primary]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "```bash\nexport API_TOKEN=abc\nDB_URL=x # db\n```\n",
            ["API_TOKEN", "DB_URL"],
            id="shell-settings",
        ),
        pytest.param("```\nA_ONE=1 B_TWO=2\n```\n", ["A_ONE"], id="two-settings-one-line"),
        pytest.param("```python\nAPI_TOKEN=''\n```\n", [], id="python-fence"),
        pytest.param("```hcl\nMY_VAR = { value = 1 }\n```\n", [], id="hcl-fence"),
        pytest.param("    ISO_REGEX = re.compile('x')\n", [], id="spaced-assignment-is-code"),
        pytest.param(
            '```sh\nCMAKE_ARGS="-DX=on" pip install thing\n```\n', [], id="setting-for-one-command"
        ),
        pytest.param("```sh\nAPP_VAR_1=a APP_VAR_2=b\n```\n", [], id="placeholder-names"),
        pytest.param("# Auth (SUPERSEDED)\n\n## `OLD_FLAG`\n", [], id="page-marked-superseded"),
        pytest.param(
            '```bash\nSHOP_TOKEN="x"\nSHOP_ITEM="prod_..."\n```\n\n```ts\n'
            "const item = process.env.SHOP_ITEM;\n```\n",
            ["SHOP_TOKEN"],
            id="tutorial-env-read-by-the-page-sample-code",
        ),
        pytest.param(
            "```php\n$key = env('SHOP_KEY');\n```\n\n```bash\nSHOP_KEY=abc\n```\n",
            [],
            id="read-by-a-sample-in-another-language",
        ),
        pytest.param(
            '```bash\nexport CLIENT_KEY="k"\ncurl -H "Authorization: Bearer $CLIENT_KEY" x\n```\n',
            [],
            id="shell-variable-expanded-by-the-page-command",
        ),
        pytest.param(
            "```bash\nAPP_ORIGIN=http://localhost\nAPP_CALLBACK=${APP_ORIGIN}/cb\n```\n",
            ["APP_ORIGIN", "APP_CALLBACK"],
            id="expansion-inside-an-env-file-is-no-read",
        ),
        pytest.param(
            "| Variable | Description |\n|---|---|\n| `APP_SECRET` | signs |\n\n"
            "```ts\nconst s = process.env.APP_SECRET;\n```\n",
            ["APP_SECRET"],
            id="a-table-claim-stays-a-claim",
        ),
    ],
)
def test_what_a_doc_claims(text: str, expected: list[str]) -> None:
    assert claimed(text) == expected


@pytest.mark.parametrize(
    "path",
    ["docs/plans/worker.md", "docs/rfcs/0001-env.md", "docs/adr/cache.md", "docs/CLIENT_SPEC.md",
     "docs/client-spec-gap-analysis.md", "docs/upgrade/v2-to-v3-guide.mdx", "docs/migrations/to-v2.md",
     "docs/releases/0.4.2.md", "docs/deprecated/old-worker.md", "docs/design/queue/plan.md",
     "docs/auth.specs.md", "notes/plan.md", "TODO.md", "docs/queue/prd.md", "docs/k8s/qa-plan.md",
     "docs/pages/blogs/cache.mdx"],
)
def test_plans_proposals_and_decision_records_claim_nothing(path: str) -> None:
    assert claimed("## `NEW_FLAG`\n", path) == []
    assert claimed("## `NEW_FLAG`\n", "docs/guide.md") == ["NEW_FLAG"]


@pytest.mark.parametrize(
    "path",
    ["docs/pricing-plans.md", "docs/planning.md", "docs/designer-guide.md", "docs/specsheet.md",
     "docs/design/agents/documentation/running.md"],  # a design tree's documentation of today
)
def test_pages_named_near_a_plan_still_claim(path: str) -> None:
    assert claimed("## `NEW_FLAG`\n", path) == ["NEW_FLAG"]


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        ("### ~~Env var `OLD_FLAG` is undocumented~~ Fixed\n", []),
        ("- ~~`OLD_FLAG`~~ (removed)\n", []),
        ("| Variable | Meaning |\n|---|---|\n| ~~`OLD_FLAG`~~ | gone |\n", []),
        ("- `OLD_FLAG`: ~~defaults to on~~ off by default\n", ["OLD_FLAG"]),
        ("```bash\nOLD_FLAG=1 # ~~x~~ OLD_FLAG\n```\n", ["OLD_FLAG"]),  # code is read as code
    ],
)
def test_a_name_struck_through_is_no_claim(text, claims):
    assert claimed(text, "docs/config.md") == claims


def test_ci_secrets_a_pages_workflow_uses_and_error_codes_are_no_claims():
    page = (
        "## Required secrets\n\n- `VENDOR_CLOUD_KEY`: the key\n- `APP_REGION`: the region\n\n"
        "```yaml\nenv:\n  APP_API_KEY: ${{ secrets.VENDOR_CLOUD_KEY }}\n```\n\n"
        "### Why do I get an `ERR_MODULE_CLASH` error?\n\n### `APP_LEVEL` errors out when unset\n"
    )
    assert claimed(page, "docs/ci.md") == ["APP_REGION", "APP_LEVEL"]


@pytest.mark.parametrize(
    ("command", "claims"),
    [
        ('helm upgrade app ./chart --set image.tag="$OLD_TAG"', []),  # the runbook's own
        ("docker run -e OLD_TAG=$OLD_TAG app:latest", ["OLD_TAG"]),  # handed to the app
        ("npm start", ["OLD_TAG"]),  # set for the app
    ],
)
def test_a_variable_a_runbook_sets_and_its_commands_expand_is_its_own(command, claims):
    """``export OLD_TAG=<tag>`` in one block, ``$OLD_TAG`` in a later block's command: a
    variable of the procedure, not of the app (the list item naming it too)."""
    text = (
        "You need:\n\n- `OLD_TAG`: the tag running now\n\n```bash\nexport OLD_TAG=<tag>\n```\n\n"
        f"Then:\n\n```bash\n{command}\n```\n"
    )
    assert sorted(set(claimed(text, "docs/operations.md"))) == claims




@pytest.mark.parametrize(
    ("lead", "claims"),
    [("Status: draft", False), ("**Status:** Proposed", False), ("Status: shipped", True),
     ("The worker's status page", True)],
)
def test_a_page_that_opens_with_a_draft_status_claims_nothing(lead: str, claims: bool) -> None:
    page = f"# Queue workers\n\n{lead}\n\n- `NEW_FLAG`: turns it on\n"
    assert claimed(page, "docs/queue.md") == (["NEW_FLAG"] if claims else [])


@pytest.mark.parametrize(
    ("title", "claims"),
    [("Widgets API Spec (RC)", False), ("RFC: durable queues", False), ("Draft: the new cache", False),
     ("Design: `SessionClient`", False), ("Deploying the worker", True), ("Special settings", True),
     ("Designing the theme", True), ("Decision: drop automatic loading", False),
     ("Decisions we made", True)],
)
def test_a_page_titled_as_a_design_claims_nothing(title: str, claims: bool) -> None:
    page = f"# {title}\n\nThe worker reads:\n\n## `NEW_FLAG`\n"
    assert claimed(page, "pkg/api/README.md") == (["NEW_FLAG"] if claims else [])


@pytest.mark.parametrize(
    ("heading", "claims"), [("Decision: drop automatic loading", False), ("Background", True)]
)
def test_the_first_heading_after_a_front_matter_title_names_a_decision_record(
    heading: str, claims: bool
) -> None:
    """Front matter parses as a ``title: ...`` heading: the body's first heading says what the
    page is. Further headings do not."""
    page = f"---\ntitle: Auth settings\n---\n\n## {heading}\n\n- `NEW_FLAG`\n"
    assert claimed(page, "docs/dev/notes/auth.mdx") == (["NEW_FLAG"] if claims else [])
    later = f"# Auth settings\n\n## Setup\n\n## {heading}\n\n- `NEW_FLAG`\n"
    assert claimed(later, "docs/dev/notes/auth.mdx") == ["NEW_FLAG"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("pip install litellm[proxy]", ["litellm"]),
        ("sudo npm install -g @scope/cli@2 other", ["@scope/cli", "other"]),
        ("npm install left-pad", []),  # a dependency of the reader's app, not a program
        ("go install golang.org/x/tools/cmd/goimports@latest", ["goimports"]),
        ('python -m pip install -U "Tool_X[all]==1.0"', ["tool_x"]),
        ("echo pip install nothing", []),
        ("/srv/app/venv/bin/pip install uvicorn", ["uvicorn"]),  # the program by its path
    ],
)
def test_what_a_command_line_installs(line, expected):
    from env_lint.sources.doctools import installed

    assert installed(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("npm install left-pad", ["left-pad"]),
        ("cargo add acme-sdk", ["acme-sdk"]),
        ("bundle add acme-sdk", ["acme-sdk"]),
        ("composer require acme/sdk", ["sdk"]),
        ("dotnet add package Acme.Sdk", ["acme.sdk"]),
        ("uv add metricsly", ["metricsly"]),
        ("poetry add 'acme-sdk>=1.2'", ["acme-sdk"]),
        ("pdm add acme-sdk", ["acme-sdk"]),
        ("pipenv install acme-sdk", ["acme-sdk"]),
    ],
)
def test_what_a_command_line_adds_to_the_readers_project(line, expected):
    """Packages a page adds to the reader's project: its variables named after them are theirs."""
    from env_lint.sources.doctools import installed

    assert installed(line, local=True) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("litellm --model x", "litellm"),
        ("MODE=1 sudo ./bin/tool run", "tool"),
        ("export KEY=1", None),
        ("cd somewhere", None),
        ("pnpm dev", None),  # a package manager or app server runs this repo's own code
        ("uvicorn app.main:app --reload", None),
    ],
)
def test_what_a_command_line_runs(line, expected):
    from env_lint.sources.doctools import runs

    assert runs(line) == expected


def test_settings_continued_onto_a_command_are_that_commands():
    """``A=1 \\`` / ``B=2 \\`` / ``./build.sh``: one command, its settings no declaration; a
    block of continued settings alone still declares."""
    from env_lint.sources.base import Settings
    from env_lint.sources.markdown_docs import _read

    page = (
        "# Build\n\n```bash\nGPU_ARCH=86 \\\n  GPU_STD=17 \\\n  ./build.sh\n```\n\n"
        "```bash\nexport CACHE_DIR=/tmp/x \\\n  CACHE_TTL=60\n```\n"
    )
    primary = [m.name for m in _read("docs/build.md", page, Settings()).mentions if m.primary]
    assert primary == ["CACHE_DIR", "CACHE_TTL"]


PROXY_PAGE = (
    "# Use a proxy\n\n```bash\npip install llm-proxy[server]\n```\n\n"
    "```bash\nexport PROXY_UPSTREAM_KEY=<key>\nllm-proxy --port 4000\n```\n"
)


def test_settings_for_a_program_the_page_installs_are_for_that_program():
    from env_lint.sources.base import Settings
    from env_lint.sources.markdown_docs import _read

    (mention,) = [m for m in _read("docs/proxy.md", PROXY_PAGE, Settings()).mentions if m.primary]
    assert (mention.name, mention.tool) == ("PROXY_UPSTREAM_KEY", "llm-proxy")


@pytest.mark.parametrize(
    ("manifest", "reported"),
    [
        pytest.param({}, False, id="a-third-party-program"),
        pytest.param({"pyproject.toml": '[project]\nname = "llm-proxy"\n'}, True, id="this-repo-own-package"),
        pytest.param({"package.json": '{"name": "app", "bin": {"llm-proxy": "cli.js"}}'}, True, id="this-repo-own-command"),
    ],
)
def test_a_third_party_program_setting_is_no_claim_about_this_repo(run_in, tmp_path, manifest, reported):
    from .conftest import write_repo

    files = {"docs/proxy.md": PROXY_PAGE, ".env.example": "APP_URL=\n", "src/a.ts": "process.env.APP_URL;\n"}
    write_repo(tmp_path, {**files, **manifest})
    out = run_in(tmp_path).out
    assert ("`PROXY_UPSTREAM_KEY` is documented here" in out) is reported


@pytest.mark.parametrize(
    "page",
    [
        "```bash\nnpm install -g pnpm\nexport LEGACY_API_URL=x\npnpm install && pnpm dev\n```\n",
        "```bash\npip install uvicorn\nexport LEGACY_API_URL=x\nuvicorn app.main:app\n```\n",
    ],
)
def test_a_runner_the_page_installs_still_runs_this_repo(page):
    assert claimed(page) == ["LEGACY_API_URL"]
    from env_lint.sources.base import Settings
    from env_lint.sources.markdown_docs import _read

    assert [m.tool for m in _read("docs/setup.md", page, Settings()).mentions if m.primary] == [None]


@pytest.mark.parametrize(
    ("install", "row", "tool"),
    [
        ("cargo add shopmetrics-sdk", "SHOPMETRICS_CLIENT_ID", "shopmetrics-sdk"),
        ("npm install next@latest vite", "NEXT_PUBLIC_SITE_URL", None),  # the app's own prefix
        ("npm install next@latest vite", "VITE_API_URL", None),
        ("npm install @paysly/widgets", "PAYSLY_REGION", None),  # a scope names a vendor
        ("npm install @aws-sdk/lib-storage", "AWS_REGION", "@aws-sdk/lib-storage"),  # a family
        ("npx @bugsly/mcp-server@latest", "BUGSLY_ACCESS_TOKEN", "@bugsly/mcp-server"),  # the rest is generic
        ("npm install @bugsly/widgets", "BUGSLY_ACCESS_TOKEN", None),  # the rest names a product
        ("npm install left-pad", "APP_TOKEN", None),
        ("uv add metricsly", "METRICSLY_API_KEY", "metricsly"),
        ("pip install shop-metrics", "SHOPMETRICS_TOKEN", "shop-metrics"),  # the parts run together
        # not named after the package, but known to be read by it
        ("pip install newrelic", "NEW_RELIC_APP_NAME", "newrelic"),
        ("npm install @aws-sdk/client-s3", "AWS_REGION", "@aws-sdk/client-s3"),
        ("pip install newrelic", "APP_TOKEN", None),
        ("pip install uvicorn", "UVICORN_WORKERS", "uvicorn"),  # a program reading its prefix
        ("npm install @aws-sdk/client-s3", "AWS_ENDPOINT_URL_S3", "@aws-sdk/client-s3"),
        # a product word shortened or lengthened, five letters at least
        ("pip install widgetdb-atlas-store", "WIDGET_CONNECTION_STRING", "widgetdb-atlas-store"),
        ("pip install postgres-store", "POSTGRESQL_URL", "postgres-store"),
        ("pip install atlas-store", "ATLA_URL", None),  # too short to tell
        ("pip install widgetdb-store", "WIDE_URL", None),
    ],
)
def test_a_variable_named_after_a_package_the_page_adds_is_that_packages(install, row, tool):
    from env_lint.sources.markdown_docs import parse_doc

    page = f"# Setup\n\n```bash\n{install}\n```\n\n| Variable | Description |\n|---|---|\n| `{row}` | x |\n"
    (mention,) = [m for m in parse_doc("docs/setup.md", page).mentions if m.primary]
    assert (mention.name, mention.tool) == (row, tool)


@pytest.mark.parametrize(
    ("component", "tool"),
    [
        ('<InstallCommand npm={["ai", "@e2b/code-interpreter"]} />', "@e2b/code-interpreter"),
        ('<Tab>\n  <PackageInstall packages="-D @e2b/code-interpreter" />\n</Tab>', "@e2b/code-interpreter"),
        ('<CodeTabs npm={["@e2b/code-interpreter"]} />', None),  # not an install component
    ],
)
def test_a_package_an_mdx_install_component_adds_is_the_pages(component, tool):
    """Docs frameworks install packages through components (``<InstallCommand npm={[...]}/>``):
    a variable that package reads by itself is that package's setting."""
    from env_lint.sources.markdown_docs import parse_doc

    page = f"# Setup\n\n{component}\n\n```bash\nE2B_API_KEY=e2b_xxx\n```\n"
    (mention,) = [m for m in parse_doc("docs/setup.mdx", page).mentions if m.primary]
    assert (mention.name, mention.tool) == ("E2B_API_KEY", tool)


@pytest.mark.parametrize(
    ("sample", "row", "tool"),
    [
        ('```ts\nimport { S3Client } from "@aws-sdk/client-s3/dist";\nnew S3Client({});\n```', "AWS_REGION", "@aws-sdk/client-s3"),
        ('```js\nconst { S3Client } = require("@aws-sdk/client-s3");\n```', "AWS_REGION", "@aws-sdk/client-s3"),
        ("```python\nfrom slack_bolt import App\napp = App()\n```", "SLACK_SIGNING_SECRET", "slack-bolt"),
        # an import names no settings by its name: the sample may be the repo's own code
        ('```ts\nimport Ledgerly from "ledgerly";\n```', "LEDGERLY_SECRET_KEY", None),
        ('```ts\nimport { S3Client } from "./s3";\n```', "AWS_REGION", None),
        ("```text\nimport { S3Client } from '@aws-sdk/client-s3'\n```", "AWS_REGION", None),
    ],
)
def test_a_variable_a_package_the_pages_sample_imports_reads_is_that_packages(sample, row, tool):
    from env_lint.sources.markdown_docs import parse_doc

    page = f"# Uploads\n\n{sample}\n\n```bash\n{row}=x\n```\n"
    (mention,) = [m for m in parse_doc("docs/uploads.md", page).mentions if m.primary]
    assert (mention.name, mention.tool) == (row, tool)


def test_pages_of_an_earlier_docs_version_are_history(run_in, tmp_path):
    """``docs/v1/`` beside ``docs/v2/``: the older version's pages name what that release read;
    the newest version's pages are claims about the code now."""
    from .conftest import write_repo

    write_repo(tmp_path, {
        "docs/v1/setup.md": "# Setup\n\n```bash\nLEGACY_TOKEN=abc\n```\n",
        "docs/v2/setup.md": "# Setup\n\n```bash\nAPI_TOKEN=abc\nGONE_TOKEN=abc\n```\n",
        "src/app.ts": "export const t = process.env.API_TOKEN;\n",
        ".env.example": "API_TOKEN=\n",
    })
    assert run_in(tmp_path).out == (
        "docs/v2/setup.md:5:1: warning EL301 [stale-doc-var] `GONE_TOKEN` is documented here but "
        "no example file or schema declares it and no code reads it\n"
        "Found 0 errors, 1 warning (4 files checked).\n"
    )


@pytest.mark.parametrize(
    ("paths", "expected"),
    [
        (["d/v2/a.md", "d/v10/b.md", "d/v3.1/c.md"], {"d/v2", "d/v3.1"}),
        (["d/v1/a.md"], set()),  # a single version is the current one
        (["site/version-2.0/a.md", "site/version-1.4/b.md"], {"site/version-1.4"}),
        (["docs/guide/a.md", "docs/2024/b.md"], set()),  # a year is no version
        # a lone version beside an unversioned tree: an earlier release's copy
        (["docs/v2/a.md", "docs/servers/b.md", "docs/c.md"], {"docs/v2"}),
        (["docs/v2/a.md", "docs/c.md"], set()),  # beside pages only: the version is current
        (["api/v1/a.md", "docs/b.md"], set()),  # no sibling tree under its parent
    ],
)
def test_which_directories_hold_an_earlier_docs_version(paths, expected):
    from env_lint.paths import superseded_dirs

    assert superseded_dirs(paths) == expected


def test_a_page_repeated_byte_for_byte_is_read_at_each_of_its_paths(run_in, tmp_path):
    """Translated and versioned docs trees repeat pages: each copy is parsed once, and every
    finding still names the copy it is in (and an earlier version's copy stays history)."""
    from .conftest import write_repo

    page = "# Setup\n\n| Variable | Description |\n|---|---|\n| `APP_URL` | site |\n| `OLD_FLAG` | gone |\n"
    files = {"src/a.ts": "process.env.APP_URL;\n", ".env.example": "APP_URL=\n"}
    files |= {f"docs/{d}/setup.md": page for d in ("en", "fr", "v1/en", "v2/en")}
    write_repo(tmp_path, files)
    import json

    (finding,) = json.loads(run_in(tmp_path, "--output-format", "json").out)["findings"]
    places = [(finding["path"], finding["line"], finding["column"])]
    places += [(r["path"], r["line"], r["column"]) for r in finding["related"]]
    assert finding["variable"] == "OLD_FLAG"
    assert places == [(f"docs/{d}/setup.md", 6, 4) for d in ("en", "fr", "v2/en")]


@pytest.mark.parametrize(
    ("item", "claims"),
    [
        ("- **CACHE_TTL_MINS** - how long to cache results", ["CACHE_TTL_MINS"]),
        ("- **MAIL_ENABLED** (\"true\" or \"false\")", ["MAIL_ENABLED"]),
        ("- **NOTE** - restart after a change", []),  # a bold word, not a name
        ("1. **WAREHOUSE_ID**", []),  # a form field named in a step
        ("2. Paste your **WAREHOUSE_ID** - then save", []),
    ],
)
def test_a_list_item_led_by_a_described_bold_name_declares_it(item: str, claims: list[str]) -> None:
    assert claimed(f"# Settings\n\n{item}\n") == claims


@pytest.mark.parametrize(
    "sample",
    [
        "```ts\nimport ShopId from 'next-auth/providers/shopid';\nexport const { auth } = NextAuth({ providers: [ShopId] });\n```",
        "```ts\nexport default defineNuxtConfig({ runtimeConfig: { shopid: { appId: '' } } });\n```",
    ],
)
def test_settings_the_pages_sample_framework_reads_are_the_readers(sample: str) -> None:
    """An Auth.js provider in the sample reads ``AUTH_<ID>_*``; a Nuxt config takes ``NUXT_*``:
    the reader's app's settings, not this repo's."""
    env = "```bash\nAUTH_SHOPID_ID=abc\nAUTH_SHOPID_SECRET=def\nNUXT_SHOPID_APP_ID=abc\nSHOP_REGION=eu\n```"
    page = f"# Guide\n\n{env}\n\n{sample}\n"
    claims = claimed(page)
    assert "SHOP_REGION" in claims
    assert ("AUTH_SHOPID_ID" in claims) is ("nuxt" in sample.lower())
    assert ("NUXT_SHOPID_APP_ID" in claims) is ("nuxt" not in sample.lower())


@pytest.mark.parametrize(
    ("cell", "default"),
    [
        ("plain words", "plain words"),
        ("a &amp; b", "a & b"),  # an entity
        (r"1\*2", "1*2"),  # a backslash escape
        ("x <b>bold</b> y", "x bold y"),  # inline HTML
        ("see [docs](https://example.com)", "see docs"),  # a link
    ],
)
def test_a_cells_text_is_what_the_inline_pass_makes_of_it(cell, default):
    text = f"| Variable | Default |\n|---|---|\n| `SOME_VAR` | {cell} |\n"
    assert mentions(text) == [("SOME_VAR", 3, 4, "table", True, None, default)]


def test_inline_children_follow_each_pages_link_references():
    from env_lint.sources.mdparse import blocks, children

    with_reference = "see [the guide][g]\n\n[g]: https://example.com\n"
    without = "see [the guide][g]\n"
    for text, link in ((with_reference, True), (without, False), (with_reference, True)):
        tokens, env = blocks(text)
        inline = next(t for t in tokens if t.type == "inline")
        assert ("link_open" in [c.type for c in children(inline, env)]) is link


@pytest.mark.parametrize("head", ["Export", "Topic", "Schema"])
def test_a_table_of_a_modules_exports_names_no_variables(head):
    """A module's exports, a webhook's topics, the schemas a package exports: no variables."""
    text = f"| {head} | Description |\n|---|---|\n| `ToastProvider` | Renders. |\n| `MAX_VISIBLE` | Cap. |\n"
    assert mentions(text) == [("MAX_VISIBLE", 4, 4, "table", False, None, None)]


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("The signing secret.", True),
        ("Sensitive: keep it out of logs", True),
        ("These values ship in the bundle. They are NOT secret.", False),
        ("A non-secret identifier", False),
        ("isn't sensitive", False),
        ("never a secret, but keep this other secret", True),
        ("не секрет", False),
    ],
)
def test_what_says_secret(text, secret):
    from env_lint.wording import says_secret

    assert says_secret(text) is secret


def test_a_usage_lines_bracketed_arguments_are_no_variables() -> None:
    """``./run.sh [MODEL_CONFIG] [BUILD_REF]`` then a list that describes each argument: the
    list documents positional arguments. One bracketed word alone, or a line of settings,
    says nothing of the kind."""
    page = (
        "# Bench\n\n```bash\n./scripts/run.sh [MODEL_CONFIG] [BUILD_REF] [RUN_LIMIT]\n"
        "./scripts/other.sh [ONLY_ONE]\nexport TRACE_DIR=/tmp\n```\n\n"
        "- `BUILD_REF`: the commit to evaluate\n- `ONLY_ONE`: a flag\n- `TRACE_DIR`: traces\n"
    )
    assert sorted(set(claimed(page))) == ["ONLY_ONE", "TRACE_DIR"]
    assert "BUILD_REF" not in {m[0] for m in mentions(page)}


def test_a_name_the_page_says_to_replace_is_a_stand_in() -> None:
    """"Replace:" then "1. `VENDOR_TARGET` with your target URL", or "Replace `VENDOR_KEY` with
    your key": names the reader swaps for values, no claims."""
    page = (
        "# Vendor\n\n- **VENDOR_KEY**: your API key\n\n```yaml\nendpoint: \"https://VENDOR_TARGET/v1\"\n```\n\n"
        "Replace:\n1. `VENDOR_TARGET` with your target URL\n\nReplace `VENDOR_KEY` with your key.\n\n"
        "- `VENDOR_REGION` with read access\n"
    )
    kinds = {(m[0], m[3]) for m in mentions(page)}
    assert ("VENDOR_TARGET", "placeholder") in kinds and ("VENDOR_KEY", "placeholder") in kinds
    assert "VENDOR_TARGET" not in claimed(page)
    assert "VENDOR_REGION" in claimed(page)
    # the same list inside an MDX component, or indented under one
    for wrapped in ("<Accordion>\nReplace:\n1. `VENDOR_HOST` with your host\n</Accordion>\n",
                    "    Replace:\n    1. `VENDOR_HOST` with your host\n"):
        assert ("VENDOR_HOST", "placeholder") in {(m[0], m[3]) for m in mentions(f"# V\n\n{wrapped}")}


def test_a_stand_in_named_on_another_page_is_not_stale(run_in, tmp_path) -> None:
    from .conftest import write_repo

    write_repo(tmp_path, {
        "docs/acme/intro.md": "# Vendor\n\n- **VENDOR_KEY**: your API key\n- **VENDOR_OLD_FLAG**: x\n",
        "docs/acme/setup.md": "# Setup\n\nReplace:\n1. `VENDOR_KEY` with your key\n",
        "app.py": 'import os\nA = os.environ["APP_HOST"]\n',
    })
    out = run_in(tmp_path, "--select", "stale-doc-var").out
    assert "`VENDOR_KEY`" not in out and "`VENDOR_OLD_FLAG`" in out


def test_a_block_of_settings_then_one_program_configures_that_program(run_in, tmp_path) -> None:
    """``export MODEL_HOST=0.0.0.0`` then ``modelsrv serve``: the settings are that program's
    (the repo's own only if one of its packages provides it); before ``./server``, a program
    of the repo's tree, or ``npm run dev``, they are the repo's."""
    from .conftest import write_repo

    write_repo(tmp_path, {
        "docs/local.md": "# Local model\n\n```bash\nexport MODEL_HOST=0.0.0.0\nexport MODEL_GPUS=1\n"
        "modelsrv serve\n```\n\n```bash\nexport APP_OLD_PORT=1\n./server --debug\n```\n\n"
        "```bash\nexport APP_OLD_MODE=x\nnpm run dev\n```\n",
        "app.py": 'import os\nA = os.environ["APP_HOST"]\n',
    })
    out = run_in(tmp_path, "--select", "stale-doc-var").out
    assert "`MODEL_HOST`" not in out and "`MODEL_GPUS`" not in out
    assert "`APP_OLD_PORT`" in out and "`APP_OLD_MODE`" in out


def test_a_config_template_filled_in_at_start_names_its_variables(run_in, tmp_path) -> None:
    from .conftest import write_repo

    write_repo(tmp_path, {
        "docker/service_conf.yaml.template": "minio:\n  bucket: '${STORE_BUCKET:-}'\n",
        ".env.example": "APP_HOST=\nSTORE_BUCKET=\n",
        "app.py": 'import os\nA = os.environ["APP_HOST"]\n',
    })
    assert run_in(tmp_path).out.startswith("No problems found")


def test_a_toolchains_own_variable_in_setup_steps_is_no_stale_claim(run_in, tmp_path):
    """``export ANDROID_HOME=...`` in a README's shell-profile step sets up the reader's SDK,
    not the app; a setting of the app beside it is still a claim."""
    from .conftest import write_repo

    write_repo(tmp_path, {
        "README.md": "# App\n\nAdd to `~/.zshrc`:\n\n```bash\nexport ANDROID_HOME=$HOME/sdk\n"
        "export JAVA_HOME=/opt/jdk\nexport APP_GONE=1\n```\n\nIf the GPUs hang:\n\n"
        "```bash\nexport NCCL_P2P_LEVEL=NVL\nexport GGML_CUDA_NO_PINNED=1\n```\n",
        "src/app.ts": "export const a = process.env.APP_URL;\n",
        ".env.example": "APP_URL=\n",
    })
    out = run_in(tmp_path).out
    assert "`APP_GONE`" in out and "ANDROID_HOME" not in out and "JAVA_HOME" not in out
    assert "NCCL_" not in out and "GGML_" not in out  # native compute libraries' own


def test_a_page_with_a_line_longer_than_the_guard_is_skipped_not_an_error(run_in, tmp_path):
    """An MDX snippet holding an inline SVG on one 70,000-character line renders on its docs
    site: no parse error (an example file with such a line still is one)."""
    from .conftest import write_repo

    svg = "<svg>" + "M0 0L1 1" * 9000 + "</svg>"
    write_repo(tmp_path, {
        "docs/snippets/card.mdx": f"# Card\n\n{svg}\n\n| Variable | x |\n|---|---|\n| `CARD_GONE` | y |\n",
        "docs/setup.md": "# Setup\n\n| Variable | x |\n|---|---|\n| `SETUP_GONE` | y |\n",
        "src/app.ts": "export const a = process.env.APP_URL;\n",
        ".env.example": "APP_URL=\n",
    })
    out = run_in(tmp_path).out
    assert "EL100" not in out and "CARD_GONE" not in out and "`SETUP_GONE`" in out


def _page_of(front: str, name: str) -> str:
    return f"{front}# Settings\n\n| Variable | Meaning |\n| --- | --- |\n| `{name}` | where it goes |\n"


@pytest.mark.parametrize(
    ("files", "reported"),
    [
        pytest.param({"docs/audit.md": _page_of("", "AUDIT_SINK_URL")}, True, id="a-page"),
        pytest.param(
            {"docs/audit.md": _page_of('---\npkg: "@acme/plugin-audit"\ntitle: Audit\n---\n', "AUDIT_SINK_URL")},
            False,
            id="front-matter-names-a-package-shipped-elsewhere",
        ),
        pytest.param(
            {
                "docs/audit.md": _page_of("---\npackage: '@acme/plugin-audit'\n---\n", "AUDIT_SINK_URL"),
                "plugins/audit/package.json": '{"name": "@acme/plugin-audit"}',
            },
            True,
            id="front-matter-names-a-package-of-the-repo",
        ),
        pytest.param(
            {"docs/audit.md": _page_of("---\npkg: [not, a, name]\n---\n", "AUDIT_SINK_URL")},
            True,
            id="front-matter-without-a-package-name",
        ),
        pytest.param({"docs/enterprise/sso.md": _page_of("", "SSO_ISSUER_URL")}, False, id="enterprise-docs"),
        pytest.param(
            {"docs/ee/sso.md": _page_of("", "SSO_ISSUER_URL"), "ee/sso/config.py": "ISSUER = None\n"},
            True,
            id="enterprise-docs-with-enterprise-code-in-the-repo",
        ),
    ],
)
def test_docs_of_code_that_is_not_in_the_repo_claim_nothing(run_in, tmp_path, files, reported):
    from .conftest import write_repo

    base = {
        "package.json": '{"name": "app"}',
        ".env.example": "APP_URL=\n",
        "src/a.ts": "export const url = process.env.APP_URL;\n",
    }
    write_repo(tmp_path, {**base, **files})
    out = run_in(tmp_path).out
    assert ("is documented here" in out) is reported, out


EDITIONS_PAGE = """# Settings

| Variable | Description |
| --- | --- |
| `OPEN_FLAG_URL` | Where the open edition looks. |
| `CLOUD_QUOTA_MAX` | **(Acme Cloud only.)** Jobs per tenant. |

- `LIST_OPEN_KEY`: read by the open edition
- `LIST_PAID_KEY` (Enterprise plan only): read by the paid one

## Secrets from a vault

<EnterpriseOnly source="vault" />

| Variable | Description |
| --- | --- |
| `VAULT_TOKEN_PAID` | Token to read secrets. |

### Rotation

- `VAULT_ROTATE_PAID`: how often

## Back in the open edition

| Variable | Description |
| --- | --- |
| `OPEN_AFTER_GATE` | Read by the open edition. |
"""


def test_a_paid_editions_rows_and_gated_sections_are_no_claims():
    assert claimed(EDITIONS_PAGE, "docs/settings.mdx") == [
        "OPEN_FLAG_URL", "LIST_OPEN_KEY", "OPEN_AFTER_GATE",
    ]


def test_a_gate_before_the_first_section_gates_the_page():
    page = "import { ProOnly } from '/snippets/pro.mdx';\n\n<ProOnly />\n\n" + EDITIONS_PAGE
    assert claimed(page, "docs/settings.mdx") == []


def test_a_name_a_paid_edition_documents_is_no_stale_claim_on_any_page(run_in, tmp_path):
    from .conftest import write_repo

    write_repo(tmp_path, {
        "package.json": '{"name": "app"}',
        ".env.example": "APP_URL=\n",
        "src/a.ts": "export const url = process.env.APP_URL;\n",
        "docs/settings.mdx": EDITIONS_PAGE,
        "docs/reference.md": "| Variable | Description |\n| --- | --- |\n"
        "| `VAULT_TOKEN_PAID` | see the vault page |\n| `ORPHAN_REF_KEY` | nothing reads it |\n",
    })
    out = run_in(tmp_path, "--select", "EL301").out
    stale = sorted(line.split("`")[1] for line in out.splitlines() if "EL301" in line)
    assert stale == ["LIST_OPEN_KEY", "OPEN_AFTER_GATE", "OPEN_FLAG_URL", "ORPHAN_REF_KEY"]


def test_a_gate_after_a_front_matter_gates_the_page():
    page = '---\ntitle: "Vault secrets"\n---\n\n<ProOnly source="vault" />\n\n' + EDITIONS_PAGE
    assert claimed(page, "docs/vault.mdx") == []


SAMPLE_SCRIPT_PAGE = (
    "# Docs agent\n\nFor the script below to work, set:\n\n- `SOURCE_REF`\n- `TARGET_REF`\n"
    "- `APP_TOKEN`\n\n```bash title=\"sync.sh\"\n"
    'git diff "$SOURCE_REF..$TARGET_REF" > changes.txt\n'
    "docker run -e APP_TOKEN=$APP_TOKEN app:latest\n```\n"
)


@pytest.mark.parametrize(("path", "claims"), [
    ("docs/guides/agent.mdx", ["APP_TOKEN"]),  # the script's inputs; the app's token handed on
    ("README.md", ["SOURCE_REF", "TARGET_REF", "APP_TOKEN"]),  # a README's commands are the repo's
])
def test_the_inputs_a_docs_pages_sample_script_expands_are_its_own(path, claims):
    assert claimed(SAMPLE_SCRIPT_PAGE, path) == claims


def test_a_wheel_or_archive_names_the_distribution_it_installs():
    from env_lint.sources.doctools import installs

    url = "https://example.invalid/wheels/chat_ui-0.3.8-py3-none-any.whl"
    assert installs(f"pip install {url}") == (["chat-ui"], True)
    assert installs("pip install ./dist/acme_tool-1.2.0.tar.gz") == (["acme-tool"], True)


def test_a_setting_named_after_a_program_its_block_runs_is_that_programs():
    page = (
        "# Snap\n\n```bash\ngit clone https://example.invalid/app.git\ncd app\n"
        "export SNAPSHIP_BUILD_CPU=8\nexport APP_GONE_FLAG=1\nsnapship --debug\nappctl status\n```\n"
    )
    tools = {m.name: m.tool for m in _read_doc("docs/packaging.md", page) if m.primary}
    assert tools == {"SNAPSHIP_BUILD_CPU": "snapship", "APP_GONE_FLAG": None}


def _read_doc(path, page):
    from env_lint.sources.base import Settings
    from env_lint.sources.markdown_docs import _read

    return _read(path, page, Settings()).mentions


def test_a_sample_config_that_reads_through_omegaconf_sets_up_the_readers_app(run_in, tmp_path):
    """``${oc.env:BUCKET_KEY}`` in a docs page's YAML sample is the reader's app reading it
    (OmegaConf, Hydra): the docs tree's claims of that name are the reader's settings."""
    from .conftest import write_repo

    write_repo(tmp_path, {
        "docs/credentials.md": "# Credentials\n\n```yaml\nstore:\n  key: ${oc.env:BUCKET_KEY}\n```\n",
        "docs/setup.md": "| Variable | Description |\n|---|---|\n| `BUCKET_KEY` | key |\n"
        "| `GONE_SETTING` | nothing reads it |\n",
        ".env.example": "APP_URL=\n",
        "src/a.ts": "export const u = process.env.APP_URL;\n",
    })
    out = run_in(tmp_path, "--select", "EL301").out
    assert "`GONE_SETTING`" in out and "`BUCKET_KEY`" not in out
