"""Variables set by the runtime itself, never drift: not undeclared, unused or stale.

The language runtimes' and CI's own variables are listed here; deploy platforms' variables are
in ``platforms.py`` (those set on every deployment count here too).
"""

from __future__ import annotations

from .platforms import platform_runtime

RUNTIME_VARIABLES = frozenset(
    {
        "NODE_ENV",
        "NODE_OPTIONS",
        "NODE_DEBUG",
        "NEXT_RUNTIME",
        "NEXT_PHASE",
        "CI",
        "HOME",
        "PATH",
        "PWD",
        "TZ",
        "LANG",
        "LC_ALL",
        "SHELL",
        "USER",
        "TERM",
        "TMPDIR",
        "LOGNAME",
        "HOSTNAME",
        "DISPLAY",  # X11 / Wayland: the display a browser or GUI the app starts draws on
        "WAYLAND_DISPLAY",
        "XAUTHORITY",
        # Windows' own (a child process is handed them to start: ``SYSTEMROOT``, ``PATHEXT``)
        "SYSTEMROOT",
        "SystemRoot",
        "WINDIR",
        "COMSPEC",
        "PATHEXT",
        "TEMP",
        "TMP",
        "APPDATA",
        "LOCALAPPDATA",
        "PROGRAMFILES",
        "USERPROFILE",
        "HOMEDRIVE",
        "HOMEPATH",
        # the XDG base directories
        "XDG_CONFIG_HOME",
        "XDG_CACHE_HOME",
        "XDG_DATA_HOME",
        "XDG_STATE_HOME",
        "XDG_RUNTIME_DIR",
        # developer toolchains' own: SDKs and version managers a shell profile points at
        *("ANDROID_HOME", "ANDROID_SDK_ROOT", "JAVA_HOME", "GOPATH", "GOROOT", "CARGO_HOME"),
        *("RUSTUP_HOME", "NVM_DIR", "PNPM_HOME", "BUN_INSTALL", "VOLTA_HOME", "PYENV_ROOT"),
        # what a serverless runtime sets in every function: AWS Lambda's reserved variables,
        # Cloud Run's and Cloud Functions'
        *("AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_RUNTIME_API"),
        *("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_EXECUTION_ENV"),
        *("AWS_LAMBDA_LOG_STREAM_NAME", "AWS_LAMBDA_INITIALIZATION_TYPE", "LAMBDA_TASK_ROOT"),
        *("LAMBDA_RUNTIME_DIR", "_HANDLER", "_X_AMZN_TRACE_ID", "K_SERVICE", "K_REVISION"),
        *("K_CONFIGURATION", "CLOUD_RUN_JOB", "CLOUD_RUN_EXECUTION", "CLOUD_RUN_TASK_INDEX"),
        *("CLOUD_RUN_TASK_COUNT", "FUNCTION_TARGET", "FUNCTION_SIGNATURE_TYPE"),
        "DEBUG",
        "NO_COLOR",
        "FORCE_COLOR",
        # read by Node.js itself
        "NODE_TLS_REJECT_UNAUTHORIZED",
        "NODE_EXTRA_CA_CERTS",
        "NODE_NO_WARNINGS",
        "NODE_PATH",
        "NODE_USE_ENV_PROXY",
        "NODE_USE_SYSTEM_CA",
        "UV_THREADPOOL_SIZE",
        # read by Python itself
        "PYTHONPATH",
        "PYTHONUNBUFFERED",
        "PYTHONDONTWRITEBYTECODE",
        "PYTHONBREAKPOINT",
        "PYTHONHASHSEED",
        "PYTHONWARNINGS",
        "PYTHONIOENCODING",
        "PYTHONUTF8",
        "PYTHONFAULTHANDLER",
        "PYTHONOPTIMIZE",
        "PYTHONDEVMODE",
        "PYTHONSTARTUP",
        "PYTHONTRACEMALLOC",
        "PYTHONPYCACHEPREFIX",
        "PYTHONASYNCIODEBUG",
        "PYTHONNOUSERSITE",
        "PYTHONSAFEPATH",
        # the terminal's own
        "TERM_PROGRAM",
        "TERM_PROGRAM_VERSION",
        "COLORTERM",
        "COLUMNS",
        # the proxy settings HTTP clients read themselves (curl, wget, requests and httpx, Go's
        # net/http, undici's EnvHttpProxyAgent)
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "NO_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "https_proxy",
        "no_proxy",
        "all_proxy",
        # read by the docker CLI and docker compose (from the shell or the project's .env)
        "DOCKER_HOST",
        "DOCKER_BUILDKIT",
        "DOCKER_DEFAULT_PLATFORM",
        "COMPOSE_PROJECT_NAME",
        "COMPOSE_FILE",
        "COMPOSE_PROFILES",
        "COMPOSE_PATH_SEPARATOR",
        "COMPOSE_DOCKER_CLI_BUILD",
        # BuildKit's automatic build arguments (a Dockerfile turns them into ENV)
        "BUILDPLATFORM",
        "BUILDOS",
        "BUILDARCH",
        "BUILDVARIANT",
        "TARGETPLATFORM",
        "TARGETOS",
        "TARGETARCH",
        "TARGETVARIANT",
        # read by compilers and build tools (make, cc, cargo, pkg-config) from the shell
        "CC",
        "CXX",
        "CFLAGS",
        "CXXFLAGS",
        "CPPFLAGS",
        "LDFLAGS",
        "MAKEFLAGS",
        "PKG_CONFIG_PATH",
        "RUSTFLAGS",
        "RUSTUP_TOOLCHAIN",
    }
)
# npm's own; CMake's and Cargo's (their builds read ``CMAKE_*`` / ``CARGO_*`` from the shell,
# and a ``*-sys`` crate hands every ``CMAKE_*`` to CMake)
# Variables that name the deployment stage: a branch on one is no feature switch (what runs in
# production needs its variables there).
STAGE_VARIABLES = frozenset(
    {"NODE_ENV", "APP_ENV", "ENV", "ENVIRONMENT", "STAGE", "APP_STAGE", "VERCEL_ENV",
     "NEXT_PUBLIC_VERCEL_ENV", "NEXT_PUBLIC_APP_ENV", "NEXT_PUBLIC_ENV", "MODE", "RAILS_ENV",
     "FLASK_ENV", "DJANGO_ENV"}
)  # fmt: skip

# Native compute libraries read their own families from the process's environment: CUDA's
# runtime, NVIDIA NCCL, ggml (llama.cpp), OpenMP, Intel MKL, AMD's HIP and ROCr.
RUNTIME_PREFIXES = (
    "npm_", "npm_config_", "npm_package_", "CMAKE_", "CARGO_",
    "CUDA_", "NCCL_", "GGML_", "OMP_", "MKL_", "HIP_", "ROCR_",
)  # fmt: skip
# The Ollama server's own settings (its ``envconfig``): docs of the apps that talk to a local
# model server list them for ``ollama serve``. Not ``OLLAMA_HOST``, which clients and apps
# read as their own setting too.
SERVER_VARIABLES = frozenset(
    {"OLLAMA_ORIGINS", "OLLAMA_MODELS", "OLLAMA_KEEP_ALIVE", "OLLAMA_NUM_PARALLEL",
     "OLLAMA_MAX_LOADED_MODELS", "OLLAMA_MAX_QUEUE", "OLLAMA_FLASH_ATTENTION", "OLLAMA_DEBUG",
     "OLLAMA_NOPRUNE", "OLLAMA_SCHED_SPREAD", "OLLAMA_GPU_OVERHEAD", "OLLAMA_LOAD_TIMEOUT",
     "OLLAMA_LLM_LIBRARY", "OLLAMA_CONTEXT_LENGTH", "OLLAMA_KV_CACHE_TYPE", "OLLAMA_NOHISTORY",
     "OLLAMA_MULTIUSER_CACHE", "OLLAMA_NEW_ENGINE", "OLLAMA_INTEL_GPU"}
)  # fmt: skip


def is_runtime_variable(name: str) -> bool:
    return (
        name in RUNTIME_VARIABLES
        or name in SERVER_VARIABLES
        or name.startswith(RUNTIME_PREFIXES)
        or platform_runtime(name)
    )
