"""Variables that libraries and build tools read by themselves: when the library is a dependency,
such a variable listed in an example file or the docs is never ``unused`` or ``stale``.

Extend it in the config: ``[tool.env-lint.library-variables] "my-sdk" = ["MY_SDK_TOKEN"]`` or
``implicit-variables = ["X"]`` (for every repo layout).
"""

from __future__ import annotations

from .model import ImplicitVar

_PRISMA = ("DATABASE_URL", "DIRECT_URL", "SHADOW_DATABASE_URL")
_SENTRY = (
    "SENTRY_AUTH_TOKEN",
    "SENTRY_ORG",
    "SENTRY_PROJECT",
    "SENTRY_DSN",
    "SENTRY_ENVIRONMENT",
    "SENTRY_RELEASE",
    "NEXT_PUBLIC_SENTRY_DSN",
    "SENTRY_URL",
)
_AUTH = (
    "AUTH_SECRET",
    "AUTH_URL",
    "AUTH_TRUST_HOST",
    "NEXTAUTH_SECRET",
    "NEXTAUTH_URL",
    "NEXTAUTH_URL_INTERNAL",
)
_AWS = (
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_BEARER_TOKEN_BEDROCK",
    "AWS_REGION",
    "AWS_DEFAULT_REGION",
    "AWS_PROFILE",
    "AWS_ENDPOINT_URL*",  # and each service's own: ``AWS_ENDPOINT_URL_S3``
)

# Every Clerk SDK reads its keys itself; each framework's build exposes the publishable key
# under its own public prefix.
_CLERK = (
    "CLERK_SECRET_KEY", "CLERK_PUBLISHABLE_KEY", "CLERK_JWT_KEY", "CLERK_DOMAIN",
    "CLERK_PROXY_URL", "CLERK_IS_SATELLITE", "CLERK_SIGN_IN_URL", "CLERK_SIGN_UP_URL",
    "CLERK_WEBHOOK_SECRET", "NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY", "VITE_CLERK_PUBLISHABLE_KEY",
    "PUBLIC_CLERK_PUBLISHABLE_KEY", "NUXT_PUBLIC_CLERK_PUBLISHABLE_KEY",
    "EXPO_PUBLIC_CLERK_PUBLISHABLE_KEY", "NEXT_PUBLIC_CLERK_SIGN_IN_URL",
    "NEXT_PUBLIC_CLERK_SIGN_UP_URL", "NEXT_PUBLIC_CLERK_SIGN_IN_FALLBACK_REDIRECT_URL",
    "NEXT_PUBLIC_CLERK_SIGN_UP_FALLBACK_REDIRECT_URL",
    "NEXT_PUBLIC_CLERK_SIGN_IN_FORCE_REDIRECT_URL", "NEXT_PUBLIC_CLERK_SIGN_UP_FORCE_REDIRECT_URL",
    "NEXT_PUBLIC_CLERK_AFTER_SIGN_IN_URL", "NEXT_PUBLIC_CLERK_AFTER_SIGN_UP_URL",
)  # fmt: skip
_CLERK_SDKS = (
    "@clerk/nextjs", "@clerk/remix", "@clerk/react-router", "@clerk/tanstack-react-start",
    "@clerk/astro", "@clerk/nuxt", "@clerk/express", "@clerk/fastify", "@clerk/backend",
    "@clerk/clerk-expo", "@clerk/expo", "@clerk/clerk-sdk-node",
)  # fmt: skip
# The OpenTelemetry SDKs' environment configuration (the specification's OTEL_* names).
_OTEL = (
    "OTEL_SERVICE_NAME", "OTEL_RESOURCE_ATTRIBUTES", "OTEL_LOG_LEVEL", "OTEL_SDK_DISABLED",
    "OTEL_TRACES_EXPORTER", "OTEL_METRICS_EXPORTER", "OTEL_LOGS_EXPORTER", "OTEL_PROPAGATORS",
    "OTEL_TRACES_SAMPLER", "OTEL_TRACES_SAMPLER_ARG", "OTEL_METRIC_EXPORT_INTERVAL",
    "OTEL_BSP_SCHEDULE_DELAY", "OTEL_PYTHON_LOG_CORRELATION",
    "OTEL_PYTHON_LOG_LEVEL", "OTEL_PYTHON_LOG_FORMAT", "OTEL_PYTHON_EXCLUDED_URLS",
    "OTEL_METRIC_EXPORT_TIMEOUT", "OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE",
    "OTEL_NODE_RESOURCE_DETECTORS", "OTEL_NODE_ENABLED_INSTRUMENTATIONS",
    "OTEL_NODE_DISABLED_INSTRUMENTATIONS",
    # the OTLP exporter's settings, for all signals and per signal (the specification's names)
    *(
        f"OTEL_EXPORTER_OTLP_{signal}{setting}"
        for signal in ("", "TRACES_", "METRICS_", "LOGS_")
        for setting in (
            "ENDPOINT", "HEADERS", "PROTOCOL", "TIMEOUT", "COMPRESSION", "CERTIFICATE",
            "CLIENT_KEY", "CLIENT_CERTIFICATE", "INSECURE",
        )
    ),
)  # fmt: skip
_OTEL_SDKS = (
    "@opentelemetry/sdk-node", "@opentelemetry/sdk-trace-node", "@opentelemetry/sdk-trace-base",
    "@opentelemetry/sdk-metrics", "@opentelemetry/exporter-trace-otlp-http",
    "@opentelemetry/exporter-trace-otlp-grpc", "@opentelemetry/exporter-trace-otlp-proto",
    "@opentelemetry/exporter-metrics-otlp-http", "@opentelemetry/auto-instrumentations-node",
    "@vercel/otel", "opentelemetry-sdk", "opentelemetry-exporter-otlp",
    "opentelemetry-exporter-otlp-proto-http", "opentelemetry-exporter-otlp-proto-grpc",
    "opentelemetry-distro", "opentelemetry-instrumentation",
    "opentelemetry-instrumentation-logging",
)  # fmt: skip
_AI_GATEWAY = ("AI_GATEWAY_API_KEY",)
# The AI SDK's Bedrock provider: the access keys and region (no profile, no endpoint)
_BEDROCK = (
    "AWS_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
    "AWS_BEARER_TOKEN_BEDROCK",
)  # fmt: skip
_GOOGLE_ADK = (
    "GOOGLE_GENAI_API_KEY", "GEMINI_API_KEY", "GOOGLE_API_KEY", "GOOGLE_GENAI_USE_VERTEXAI",
    "GOOGLE_CLOUD_PROJECT", "GOOGLE_CLOUD_LOCATION",
)  # fmt: skip
_LANGFUSE = (
    "LANGFUSE_SECRET_KEY", "LANGFUSE_PUBLIC_KEY", "LANGFUSE_BASEURL", "LANGFUSE_BASE_URL",
    "LANGFUSE_HOST",
)  # fmt: skip
_TRIGGER = ("TRIGGER_SECRET_KEY", "TRIGGER_API_URL", "TRIGGER_PREVIEW_BRANCH")
_UPLOADTHING = ("UPLOADTHING_TOKEN", "UPLOADTHING_SECRET", "UPLOADTHING_APP_ID")
# SvelteKit's Node adapter reads these (with its default empty envPrefix).
_ADAPTER_NODE = (
    "HOST", "PORT", "ORIGIN", "SOCKET_PATH", "XFF_DEPTH", "ADDRESS_HEADER", "PROTOCOL_HEADER",
    "HOST_HEADER", "PORT_HEADER", "BODY_SIZE_LIMIT", "SHUTDOWN_TIMEOUT", "IDLE_TIMEOUT",
)  # fmt: skip
# The server Wasp generates reads these itself (auth providers, email senders, its own URLs).
_WASP = (
    "DATABASE_URL", "PORT", "JWT_SECRET", "WASP_WEB_CLIENT_URL", "WASP_SERVER_URL",
    "REACT_APP_API_URL", "GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET", "GITHUB_CLIENT_ID",
    "GITHUB_CLIENT_SECRET", "DISCORD_CLIENT_ID", "DISCORD_CLIENT_SECRET", "KEYCLOAK_CLIENT_ID",
    "KEYCLOAK_CLIENT_SECRET", "KEYCLOAK_REALM_URL", "SENDGRID_API_KEY", "MAILGUN_API_KEY",
    "MAILGUN_DOMAIN", "MAILGUN_API_URL", "SMTP_HOST", "SMTP_PORT", "SMTP_USERNAME",
    "SMTP_PASSWORD", "PG_BOSS_NEW_OPTIONS", "SKIP_EMAIL_VERIFICATION_IN_DEV",
)  # fmt: skip
# (the dev overlay opens files in REACT_EDITOR)
_NEXT = ("NEXT_TELEMETRY_DISABLED", "NEXT_OTEL_VERBOSE", "NEXT_OTEL_FETCH_DISABLED",
         "NEXT_SHARP_PATH", "NEXT_PRIVATE_STANDALONE", "__NEXT_PRIVATE_ORIGIN",
         "REACT_EDITOR")  # fmt: skip
# Azure's credential chain (DefaultAzureCredential -> EnvironmentCredential).
_AZURE_IDENTITY = (
    "AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET", "AZURE_CLIENT_CERTIFICATE_PATH",
    "AZURE_CLIENT_CERTIFICATE_PASSWORD", "AZURE_USERNAME", "AZURE_PASSWORD",
    "AZURE_AUTHORITY_HOST", "AZURE_FEDERATED_TOKEN_FILE",
)  # fmt: skip

# Create React App's documented settings ("Advanced configuration"): its dev server and
# build read them; the build sets PUBLIC_URL itself.
_CRA = (
    "BROWSER", "BROWSER_ARGS", "HOST", "PORT", "HTTPS", "WDS_SOCKET_HOST", "WDS_SOCKET_PATH",
    "WDS_SOCKET_PORT", "PUBLIC_URL", "GENERATE_SOURCEMAP", "INLINE_RUNTIME_CHUNK",
    "IMAGE_INLINE_SIZE_LIMIT", "FAST_REFRESH", "TSC_COMPILE_ON_ERROR", "ESLINT_NO_DEV_ERRORS",
    "DISABLE_ESLINT_PLUGIN", "DISABLE_NEW_JSX_TRANSFORM", "SKIP_PREFLIGHT_CHECK",
    "CHOKIDAR_USEPOLLING", "SSL_CRT_FILE", "SSL_KEY_FILE", "REACT_EDITOR",
)  # fmt: skip
# Datadog's tracers (``ddtrace`` for Python, ``dd-trace`` for Node) and LLM Observability.
_DATADOG = (
    "DD_API_KEY", "DD_APP_KEY", "DD_SITE", "DD_ENV", "DD_SERVICE", "DD_VERSION", "DD_TAGS",
    "DD_AGENT_HOST", "DD_TRACE_AGENT_PORT", "DD_TRACE_AGENT_URL", "DD_DOGSTATSD_PORT",
    "DD_TRACE_ENABLED", "DD_TRACE_SAMPLE_RATE", "DD_LOGS_INJECTION", "DD_PROFILING_ENABLED",
    "DD_RUNTIME_METRICS_ENABLED", "DD_APM_TRACING_ENABLED", "DD_LLMOBS_ENABLED",
    "DD_LLMOBS_ML_APP", "DD_LLMOBS_AGENTLESS_ENABLED",
)  # fmt: skip
# The New Relic agents (Node and Python) map NEW_RELIC_* to their own settings.
_NEW_RELIC = (
    "NEW_RELIC_ENABLED", "NEW_RELIC_APP_NAME", "NEW_RELIC_LICENSE_KEY", "NEW_RELIC_LOG",
    "NEW_RELIC_LOG_LEVEL", "NEW_RELIC_LOG_ENABLED", "NEW_RELIC_NO_CONFIG_FILE", "NEW_RELIC_HOME",
    "NEW_RELIC_DISTRIBUTED_TRACING_ENABLED", "NEW_RELIC_APPLICATION_LOGGING_ENABLED",
    "NEW_RELIC_APPLICATION_LOGGING_FORWARDING_ENABLED", "NEW_RELIC_CONFIG_FILE",
    "NEW_RELIC_ENVIRONMENT",
)  # fmt: skip
# Google Cloud's client libraries: the credentials file, the project, and each service's
# local emulator (``STORAGE_EMULATOR_HOST``...).
_GCP = ("GOOGLE_APPLICATION_CREDENTIALS", "GOOGLE_CLOUD_PROJECT")
# Weights & Biases: the SDK (and every trainer that logs to it) reads its settings itself.
_WANDB = (
    "WANDB_API_KEY", "WANDB_PROJECT", "WANDB_ENTITY", "WANDB_MODE", "WANDB_DIR", "WANDB_NAME",
    "WANDB_BASE_URL", "WANDB_DISABLED", "WANDB_SILENT", "WANDB_LOG_MODEL", "WANDB_WATCH",
    "WANDB_RUN_GROUP", "WANDB_TAGS", "WANDB_NOTES",
)  # fmt: skip
# The Hugging Face Hub client, under every library built on it (token, cache, offline mode).
_HF_HUB = (
    "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_HOME", "HF_HUB_CACHE", "HF_ENDPOINT",
    "HF_HUB_OFFLINE", "HF_HUB_ENABLE_HF_TRANSFER", "HF_HUB_DISABLE_TELEMETRY",
)  # fmt: skip
_HF_LIBRARIES = (
    "huggingface-hub", "transformers", "datasets", "diffusers", "sentence-transformers",
    "accelerate", "peft", "trl",
)  # fmt: skip
# LangSmith tracing, read by the LangChain and LangSmith SDKs of both languages.
_LANGSMITH = (
    "LANGSMITH_API_KEY", "LANGSMITH_TRACING", "LANGSMITH_PROJECT", "LANGSMITH_ENDPOINT",
    "LANGSMITH_WORKSPACE_ID", "LANGCHAIN_API_KEY", "LANGCHAIN_TRACING_V2", "LANGCHAIN_PROJECT",
    "LANGCHAIN_ENDPOINT", "LANGCHAIN_CALLBACKS_BACKGROUND", "LANGSMITH_TRACING_V2",
    "LANGCHAIN_SESSION",  # the project's older name, still read as a fallback
)  # fmt: skip
_LANGSMITH_SDKS = (
    "langsmith", "langchain", "langchain-core", "langgraph", "@langchain/core",
    "@langchain/langgraph",
)  # fmt: skip

# Better Auth: its secret(s), base URL (under each framework's public prefix) and extra trusted
# origins, when ``betterAuth({...})`` is not given them
_BETTER_AUTH = (
    "BETTER_AUTH_SECRET", "BETTER_AUTH_SECRETS", "AUTH_SECRET", "BETTER_AUTH_URL",
    "NEXT_PUBLIC_BETTER_AUTH_URL", "PUBLIC_BETTER_AUTH_URL", "NUXT_PUBLIC_BETTER_AUTH_URL",
    "NUXT_PUBLIC_AUTH_URL", "BETTER_AUTH_TRUSTED_ORIGINS",
)  # fmt: skip

# LiteLLM reads each provider's key, base URL and version by name when a call is not given them
# (its docs' "Setting API Keys" and environment-variable pages).
_LITELLM = (
    "OPENAI_API_KEY", "OPENAI_API_BASE", "OPENAI_BASE_URL", "OPENAI_ORGANIZATION",
    "ANTHROPIC_API_KEY", "XAI_API_KEY", "REPLICATE_API_KEY", "TOGETHERAI_API_KEY",
    "AZURE_API_KEY", "AZURE_API_BASE", "AZURE_API_VERSION", "AZURE_API_TYPE", "GEMINI_API_KEY",
    "VERTEXAI_PROJECT", "VERTEXAI_LOCATION", "GOOGLE_APPLICATION_CREDENTIALS",
    "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION_NAME", "COHERE_API_KEY",
    "HUGGINGFACE_API_KEY", "GROQ_API_KEY", "MISTRAL_API_KEY", "OLLAMA_API_BASE",
    "OLLAMA_API_KEY", "LM_STUDIO_API_BASE", "LM_STUDIO_API_KEY", "DEEPSEEK_API_KEY",
    "OPENROUTER_API_KEY", "PERPLEXITYAI_API_KEY", "FIREWORKS_AI_API_KEY", "AI21_API_KEY",
    "ANYSCALE_API_KEY", "CLOUDFLARE_ACCOUNT_ID", "OR_SITE_URL", "OR_APP_NAME", "PALM_API_KEY",
    "LITELLM_LOG",  # its log level
    # its logging callbacks (``success_callback = ["langsmith"]``)
    "LANGSMITH_API_KEY", "LANGSMITH_PROJECT", "LANGSMITH_BASE_URL", "LANGFUSE_PUBLIC_KEY",
    "LANGFUSE_SECRET_KEY", "LANGFUSE_HOST",
)  # fmt: skip
_GIT = (
    "GIT_SSL_NO_VERIFY", "GIT_SSL_CAINFO", "GIT_SSH", "GIT_SSH_COMMAND", "GIT_TERMINAL_PROMPT",
    "GIT_ASKPASS", "GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME",
    "GIT_COMMITTER_EMAIL", "GIT_TRACE", "GIT_CURL_VERBOSE", "GIT_CONFIG_GLOBAL",
    "GIT_CONFIG_NOSYSTEM", "GIT_HTTP_LOW_SPEED_LIMIT", "GIT_HTTP_LOW_SPEED_TIME", "GIT_PYTHON_*",
)  # fmt: skip
_MODEL_ROUTER_KEYS = (
    "OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GOOGLE_GENERATIVE_AI_API_KEY", "GROQ_API_KEY",
    "MISTRAL_API_KEY", "XAI_API_KEY", "OPENROUTER_API_KEY", "DEEPSEEK_API_KEY",
    "PERPLEXITY_API_KEY", "CEREBRAS_API_KEY",
)  # fmt: skip
_LANGGRAPH_SERVER = (
    "LANGGRAPH_HTTP", "LANGGRAPH_AUTH", "LANGGRAPH_STORE", "LANGGRAPH_CHECKPOINTER",
    "LANGGRAPH_UI", "LANGGRAPH_UI_CONFIG",
)  # fmt: skip
# CAMEL's model backends read each provider's key and base URL when a model is built without
# them (``ModelFactory.create(model_platform=...)``)
_CAMEL = (
    "QWEN_API_BASE_URL", "GROQ_API_BASE_URL", "DEEPSEEK_API_BASE_URL", "PPIO_API_KEY",
    "NOVITA_API_KEY",
)  # fmt: skip
# Programs whose every setting is an environment variable under their own prefix (a
# ``PREFIX_*`` name in the table reads them all), and app servers' own settings
_PREFIXED = {
    # click's auto_envvar_prefix (``UVICORN_WORKERS=4``), and the two settings it reads by name
    "uvicorn": ("UVICORN_*", "WEB_CONCURRENCY", "FORWARDED_ALLOW_IPS"),
    # and the WSGI mount prefix it takes from its environment (``SCRIPT_NAME=/api``)
    "gunicorn": ("GUNICORN_CMD_ARGS", "WEB_CONCURRENCY", "FORWARDED_ALLOW_IPS", "SCRIPT_NAME"),
    # the API server ``langgraph dev`` / ``langgraph build`` runs takes langgraph.json's
    # sections as variables (``LANGGRAPH_HTTP``, ``LANGGRAPH_AUTH``...)
    **dict.fromkeys(("langgraph-cli", "langgraph-api"), _LANGGRAPH_SERVER),
    "streamlit": ("STREAMLIT_*",),  # ``STREAMLIT_SERVER_PORT``
    "prefect": ("PREFECT_*",),
    "apache-airflow": ("AIRFLOW__*", "AIRFLOW_HOME"),
    "mlflow": ("MLFLOW_*",),
    "gradio": ("GRADIO_*",),
}

LIBRARY_VARIABLES: dict[str, tuple[str, ...]] = {
    "next": _NEXT,
    "react-scripts": _CRA,
    "azure-identity": _AZURE_IDENTITY,
    "@azure/identity": _AZURE_IDENTITY,
    "google-genai": ("GEMINI_API_KEY", "GOOGLE_API_KEY"),
    "@google/genai": ("GEMINI_API_KEY", "GOOGLE_API_KEY"),
    "ai": _AI_GATEWAY,
    "@ai-sdk/gateway": _AI_GATEWAY,
    "@ai-sdk/google": ("GOOGLE_GENERATIVE_AI_API_KEY",),
    # Mastra's model router: an agent's ``model: "provider/model"`` string reads that
    # provider's key by itself
    "@mastra/core": _MODEL_ROUTER_KEYS,
    # a stream context built without a publisher connects to Redis by itself
    "resumable-stream": ("REDIS_URL", "KV_URL"),
    "@ai-sdk/mistral": ("MISTRAL_API_KEY",),
    "@ai-sdk/groq": ("GROQ_API_KEY",),
    "@ai-sdk/xai": ("XAI_API_KEY",),
    "@ai-sdk/cohere": ("COHERE_API_KEY",),
    "@ai-sdk/deepseek": ("DEEPSEEK_API_KEY",),
    "@ai-sdk/perplexity": ("PERPLEXITY_API_KEY",),
    "@ai-sdk/togetherai": ("TOGETHER_AI_API_KEY",),
    **dict.fromkeys(("together-ai", "together"), ("TOGETHER_API_KEY",)),
    "@ai-sdk/fireworks": ("FIREWORKS_API_KEY",),
    "@ai-sdk/azure": ("AZURE_API_KEY", "AZURE_RESOURCE_NAME"),
    "@ai-sdk/amazon-bedrock": _BEDROCK,
    "@ai-sdk/google-vertex": (
        "GOOGLE_VERTEX_PROJECT",
        "GOOGLE_VERTEX_LOCATION",
        "GOOGLE_VERTEX_API_KEY",
        *_GCP,
    ),
    # Google's Agent Development Kit: the Gemini key, or Vertex AI's project and location
    **dict.fromkeys(("@google/adk", "google-adk"), _GOOGLE_ADK),
    # AI and sandbox SDKs built with no key read their own variables
    **dict.fromkeys(("elevenlabs", "@elevenlabs/elevenlabs-js"), ("ELEVENLABS_API_KEY",)),
    "replicate": ("REPLICATE_API_TOKEN",),
    "exa-js": ("EXASEARCH_API_KEY",),
    "modal": ("MODAL_TOKEN_ID", "MODAL_TOKEN_SECRET"),
    "@daytonaio/sdk": ("DAYTONA_API_KEY", "DAYTONA_API_URL", "DAYTONA_TARGET"),
    "@blaxel/core": ("BL_API_KEY", "BL_WORKSPACE", "BL_REGION"),
    # Chroma's cloud client: ``new CloudClient()`` / ``chromadb.CloudClient()`` with no options
    "chromadb": ("CHROMA_API_KEY", "CHROMA_TENANT", "CHROMA_DATABASE"),
    "@openrouter/ai-sdk-provider": ("OPENROUTER_API_KEY",),
    "langfuse": _LANGFUSE,
    "langfuse-vercel": _LANGFUSE,
    "@langfuse/otel": _LANGFUSE,
    "uploadthing": _UPLOADTHING,
    "@sveltejs/adapter-node": _ADAPTER_NODE,
    "wasp": _WASP,
    "prisma": _PRISMA,
    "typeorm": ("TYPEORM_*",),
    # its client factories, given no URL or key, read the public pair from the environment
    "@supabase/auth-helpers-nextjs": (
        "NEXT_PUBLIC_SUPABASE_URL",
        "NEXT_PUBLIC_SUPABASE_ANON_KEY",
    ),  # its connection options and CLI read TYPEORM_HOST, _LOGGER...
    "@prisma/client": _PRISMA,
    "@sentry/nextjs": _SENTRY,
    "@sentry/node": _SENTRY,
    "@sentry/react": _SENTRY,
    "@sentry/sveltekit": _SENTRY,
    "@sentry/webpack-plugin": _SENTRY,
    "@sentry/vite-plugin": _SENTRY,
    # its release, when SENTRY_RELEASE is unset, from the platform's commit variables
    "sentry-sdk": (
        "SENTRY_DSN",
        "SENTRY_ENVIRONMENT",
        "SENTRY_RELEASE",
        "SOURCE_VERSION",
        "HEROKU_SLUG_COMMIT",
        "CODEBUILD_RESOLVED_SOURCE_VERSION",
        "CIRCLE_SHA1",
        "GAE_DEPLOYMENT_ID",
    ),
    "@vercel/blob": ("BLOB_READ_WRITE_TOKEN",),
    "@vercel/kv": ("KV_URL", "KV_REST_API_URL", "KV_REST_API_TOKEN", "KV_REST_API_READ_ONLY_TOKEN"),
    "@vercel/postgres": (
        "POSTGRES_URL",
        "POSTGRES_URL_NON_POOLING",
        "POSTGRES_PRISMA_URL",
        "POSTGRES_USER",
        "POSTGRES_HOST",
        "POSTGRES_PASSWORD",
        "POSTGRES_DATABASE",
    ),
    "@vercel/edge-config": ("EDGE_CONFIG",),
    # trigger.dev's SDK (v3+) takes its key and API URL from the environment
    "@trigger.dev/sdk": _TRIGGER,
    "trigger.dev": (*_TRIGGER, "TRIGGER_ACCESS_TOKEN"),  # its CLI
    # Playwright's HTML reporter
    "@playwright/test": (
        "PLAYWRIGHT_HTML_HOST",
        "PLAYWRIGHT_HTML_PORT",
        "PLAYWRIGHT_HTML_OPEN",
        "PLAYWRIGHT_HTML_REPORT",
        "PLAYWRIGHT_HTML_OUTPUT_DIR",
    ),
    "inngest": (
        "INNGEST_EVENT_KEY",
        "INNGEST_SIGNING_KEY",
        "INNGEST_SIGNING_KEY_FALLBACK",
        "INNGEST_DEV",
        "INNGEST_BASE_URL",
        "INNGEST_ENV",
        "INNGEST_LANDING_PAGE",
        "INNGEST_SERVE_HOST",
        "INNGEST_SERVE_PATH",
        "INNGEST_STREAMING",
        "INNGEST_LOG_LEVEL",
        "INNGEST_API_BASE_URL",
        "INNGEST_EVENT_API_BASE_URL",
        "INNGEST_SERVE_ORIGIN",
        "INNGEST_ALLOW_IN_BAND_SYNC",
        "INNGEST_CONNECT_MAX_WORKER_CONCURRENCY",
        "INNGEST_CONNECT_ISOLATE_EXECUTION",
        "INNGEST_CONNECT_GATEWAY_URL",
    ),
    "better-auth": _BETTER_AUTH,
    "autumn-js": ("AUTUMN_SECRET_KEY",),
    # LiteLLM, and the libraries that call models through it
    **dict.fromkeys(("litellm", "llama-index-llms-litellm", "langchain-litellm", "dspy"), _LITELLM),
    # the Convex CLI (``convex dev``, ``convex deploy``) finds its deployment by these
    "convex": (
        "CONVEX_DEPLOYMENT",
        "CONVEX_DEPLOY_KEY",
        "CONVEX_SELF_HOSTED_URL",
        "CONVEX_SELF_HOSTED_ADMIN_KEY",
    ),
    "camel-ai": _CAMEL,
    **_PREFIXED,
    "dub": ("DUB_API_KEY",),  # its SDK: ``new Dub()`` with no token
    # LangChain's Python integrations, built with no key (``ChatAnthropic()``, ``ConneryService()``)
    "langchain-anthropic": ("ANTHROPIC_API_KEY",),
    "ollama": ("OLLAMA_HOST",),  # its client finds the server by it
    # Chainlit's server: its own settings, the OAuth providers it signs in with
    # (``OAUTH_GOOGLE_CLIENT_ID``) and its websocket protocol
    "chainlit": ("CHAINLIT_*", "OAUTH_*", "UVICORN_WS_PROTOCOL"),
    "humanlayer": ("HUMANLAYER_API_KEY", "HUMANLAYER_API_BASE"),  # a client built without a key
    # libraries that run the git program, which reads its own variables from the environment
    # it inherits (``GIT_SSL_NO_VERIFY``, ``GIT_SSH_COMMAND``); GitPython's own ``GIT_PYTHON_*``
    **dict.fromkeys(("gitpython", "simple-git"), _GIT),
    **dict.fromkeys(
        ("langchain-openai", "@langchain/openai"),
        ("OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_API_BASE", "OPENAI_ORGANIZATION"),
    ),
    **dict.fromkeys(("langchain-google-genai", "@langchain/google-genai"), ("GOOGLE_API_KEY",)),
    **dict.fromkeys(("langchain-mistralai", "@langchain/mistralai"), ("MISTRAL_API_KEY",)),
    **dict.fromkeys(("langchain-groq", "@langchain/groq"), ("GROQ_API_KEY",)),
    **dict.fromkeys(("langchain-cohere", "@langchain/cohere"), ("COHERE_API_KEY",)),
    "langchain-community": (
        "TAVILY_API_KEY",
        "FIRECRAWL_API_KEY",
        "CONNERY_RUNNER_URL",
        "CONNERY_RUNNER_API_KEY",
    ),
    "kay": ("KAY_API_KEY",),
    # LangChain's Tavily tool, in the community package and its own
    **dict.fromkeys(("@langchain/tavily", "langchain-tavily"), ("TAVILY_API_KEY",)),
    "@langchain/community": ("TAVILY_API_KEY", "FIRECRAWL_API_KEY"),  # its loaders too
    # Slack's Bolt for Python: ``App()`` with no token or signing secret
    "slack-bolt": ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"),
    "next-auth": _AUTH,
    "@auth/core": _AUTH,
    "@auth/nextjs": _AUTH,
    "@upstash/redis": ("UPSTASH_REDIS_REST_URL", "UPSTASH_REDIS_REST_TOKEN"),
    "@upstash/qstash": (
        "QSTASH_URL",
        "QSTASH_TOKEN",
        "QSTASH_CURRENT_SIGNING_KEY",
        "QSTASH_NEXT_SIGNING_KEY",
    ),
    **dict.fromkeys(_CLERK_SDKS, _CLERK),
    **dict.fromkeys(_OTEL_SDKS, _OTEL),
    **dict.fromkeys(_HF_LIBRARIES, _HF_HUB),
    **dict.fromkeys(_LANGSMITH_SDKS, _LANGSMITH),
    "wandb": _WANDB,
    # E2B's SDKs (sandboxes, code interpreter) read the key and domain themselves
    **dict.fromkeys(
        ("e2b", "@e2b/code-interpreter", "e2b-code-interpreter", "@e2b/desktop", "e2b-desktop"),
        ("E2B_API_KEY", "E2B_DOMAIN", "E2B_ACCESS_TOKEN"),
    ),
    "newrelic": _NEW_RELIC,
    **dict.fromkeys(("ddtrace", "dd-trace"), _DATADOG),
    # transformers, and the libraries built on it that load its models for you
    # transformers' tokenizers (Rust) read TOKENIZERS_PARALLELISM; fastembed uses them too
    **dict.fromkeys(
        ("transformers", "sentence-transformers", "peft", "trl"),
        (*_HF_HUB, "TRANSFORMERS_CACHE", "TRANSFORMERS_OFFLINE", "TOKENIZERS_PARALLELISM"),
    ),
    **dict.fromkeys(("tokenizers", "fastembed"), ("TOKENIZERS_PARALLELISM",)),
    "datasets": (*_HF_HUB, "HF_DATASETS_CACHE", "HF_DATASETS_OFFLINE"),
    "openai": ("OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_ORG_ID", "OPENAI_PROJECT_ID"),
    "@anthropic-ai/sdk": ("ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL"),
    "anthropic": ("ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL"),
    "@ai-sdk/openai": ("OPENAI_API_KEY",),
    "@ai-sdk/anthropic": ("ANTHROPIC_API_KEY",),
    "@aws-sdk/client-s3": _AWS,
    "aws-sdk": _AWS,
    **dict.fromkeys(("boto3", "botocore", "aioboto3", "aiobotocore"), _AWS),
    "pg": ("PGHOST", "PGPORT", "PGUSER", "PGPASSWORD", "PGDATABASE"),
    "psycopg": ("PGHOST", "PGPORT", "PGUSER", "PGPASSWORD", "PGDATABASE"),
    "psycopg2": ("PGHOST", "PGPORT", "PGUSER", "PGPASSWORD", "PGDATABASE"),
    "@google-cloud/storage": (*_GCP, "STORAGE_EMULATOR_HOST"),
    "google-cloud-storage": (*_GCP, "STORAGE_EMULATOR_HOST"),
    "@google-cloud/pubsub": (*_GCP, "PUBSUB_EMULATOR_HOST"),
    "google-cloud-pubsub": (*_GCP, "PUBSUB_EMULATOR_HOST"),
    "@google-cloud/firestore": (*_GCP, "FIRESTORE_EMULATOR_HOST"),
    "google-cloud-firestore": (*_GCP, "FIRESTORE_EMULATOR_HOST"),
    "@google-cloud/datastore": (*_GCP, "DATASTORE_EMULATOR_HOST"),
    "google-cloud-datastore": (*_GCP, "DATASTORE_EMULATOR_HOST"),
    "firebase-admin": (
        *_GCP,
        "FIRESTORE_EMULATOR_HOST",
        "FIREBASE_AUTH_EMULATOR_HOST",
        "FIREBASE_STORAGE_EMULATOR_HOST",
        "FIREBASE_DATABASE_EMULATOR_HOST",
    ),
    "django": ("DJANGO_SETTINGS_MODULE",),
    "@t3-oss/env-nextjs": ("SKIP_ENV_VALIDATION",),
    "turbo": ("TURBO_TOKEN", "TURBO_TEAM", "TURBO_REMOTE_ONLY"),
    "lingo.dev": ("LINGO_API_KEY",),  # its CLI (``npx lingo.dev run``) reads the key itself
}


# Auth.js (next-auth v5): each provider imported from ``next-auth/providers/<id>`` (or
# ``@auth/core/providers/<id>``) reads ``AUTH_<ID>_ID``, ``_SECRET``, ``_ISSUER`` and ``_KEY``.
AUTH_PROVIDER_MODULE = (
    r"""['"](?:next-auth|@auth/core|@auth/[a-z-]+)/providers/([a-z0-9][a-z0-9-]*)['"]"""
)


def auth_provider_settings(provider: str) -> tuple[str, ...]:
    stem = provider.upper().replace("-", "_")
    return tuple(f"AUTH_{stem}_{suffix}" for suffix in ("ID", "SECRET", "ISSUER", "KEY"))


# Frameworks known by a file of their own rather than by a dependency.
FRAMEWORK_FILES: dict[str, str] = {"main.wasp": "wasp", "main.wasp.ts": "wasp"}


def framework_variables(path: str) -> list[ImplicitVar]:
    """The variables a framework reads when ``path`` is its project file (``main.wasp``)."""
    library = FRAMEWORK_FILES.get(path.rsplit("/", 1)[-1])
    return [ImplicitVar(n, library, path) for n in LIBRARY_VARIABLES[library]] if library else []


# Families of packages that read the same variables: every Google Cloud client library finds
# its credentials and project the same way (``@google-cloud/bigquery``, ``google-cloud-tasks``).
# Every AWS SDK v3 client (and its helpers) resolves credentials and the region through the
# default provider chain.
_FAMILIES = (("@google-cloud/", _GCP), ("google-cloud-", _GCP), ("@aws-sdk/", _AWS))


def read_by(library: str, table: dict[str, tuple[str, ...]] | None = None) -> tuple[str, ...]:
    """The variables ``library`` reads by itself: by name in the table, else by its family."""
    known = (LIBRARY_VARIABLES if table is None else table).get(library)
    if known is not None:
        return known
    return next((names for prefix, names in _FAMILIES if library.startswith(prefix)), ())


def implicit_variables(
    manifest: str, dependencies: tuple[str, ...], extra: dict[str, tuple[str, ...]]
) -> list[ImplicitVar]:
    """The variables the manifest's dependencies read by themselves."""
    table = {**LIBRARY_VARIABLES, **extra}
    found = []
    for library in sorted(dependencies):
        for name in read_by(library, table):
            found.append(ImplicitVar(name, library, manifest))
    return found
