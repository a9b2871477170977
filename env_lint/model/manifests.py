"""Deploy manifests in the repo (``render.yaml``, compose files, ``fly.toml``, Kubernetes
manifests, ``app.json``, ``serverless.yml``, CI jobs): each unit they describe is a target with
the variable names it provides, like a provider snapshot seen from the repo's side."""

from __future__ import annotations

from dataclasses import dataclass

from .core import Location

# How a manifest provides a variable.
VALUE = "value"  # a literal value written in the manifest
INTERPOLATED = "interpolated"  # from the shell or a .env file: ``${X}``, ``${X:-d}``, ``- X``
SECRET = (
    "secret"  # a secret by reference: ``secretKeyRef``, ``${{ secrets.X }}``, ``generateValue``
)
REFERENCE = (
    "reference"  # from another resource: ``fromDatabase``, ``configMapKeyRef``, ``${ssm:..}``
)
PLACEHOLDER = "placeholder"  # declared, set elsewhere: ``sync: false``, app.json without a value
DEFAULT = "default"  # a default the deployer may change: an app.json ``value``

# What a manifest unit is for.
DEPLOY = "deploy"  # runs the service somewhere (render, fly, kubernetes, heroku, serverless)
LOCAL = "local"  # runs it on a developer's machine (a compose service that builds the code)
CI = "ci"  # a CI job that tests or builds it


@dataclass(frozen=True, slots=True, order=True)
class ManifestVar:
    name: str
    location: Location  # 1-based, where the name is written
    how: str = VALUE
    # A literal value (or the ``${X:-d}`` default) that is not secret-shaped, kept only so that
    # rules can compare it with a schema default: never rendered. None otherwise.
    default: str | None = None


@dataclass(frozen=True, slots=True)
class BuildStage:
    """One stage of a Dockerfile: ``FROM [--platform=...] IMAGE [AS NAME]``."""

    location: Location  # its ``FROM`` instruction, 1-based
    name: str | None  # ``AS name``, lower-cased (stage names are case-insensitive)
    # The image it starts from: its repository without registry, tag or digest, lower-cased
    # (``quay.io/acme/server:1.6`` -> ``acme/server``, ``docker.io/library/node`` -> ``node``);
    # ``FROM build`` is resolved to the image of the earlier stage ``build``. None when an ARG
    # names the repository (``FROM ${BASE_IMAGE}``): which image runs is not in the file.
    image: str | None
    # It copies a real env file from the build context (``COPY .env .env``): the image carries
    # the settings the user wrote there, whatever the manifest lists.
    copies_env: bool = False
    # What its ``COPY`` / ``ADD`` instructions take from the build context (not ``--from``
    # another stage, not a URL), normalised: ``./src/`` -> ``src``, ``.`` -> ``""``.
    copied: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DeployManifest:
    """One unit of a deploy manifest: a render service, a compose service, a Kubernetes
    container, a fly app, a Heroku app, a serverless function, a CI job."""

    path: str
    kind: str  # render | compose | fly | kubernetes | heroku | serverless | github-actions
    unit: str  # its name in the manifest ("" when the file is one unit)
    # The platform whose own variables its runtime sets (``platforms.py``: render, fly,
    # heroku, container, github-actions), or None.
    platform: str | None
    location: Location  # where the unit is declared
    # The root-relative directory of the code it runs (build context, rootDir, the manifest's
    # own directory...); None when it runs no code of the repo (an image such as postgres).
    directory: str | None
    variables: tuple[ManifestVar, ...] = ()
    dockerfile: str | None = None  # root-relative, when the manifest names one
    env_files: tuple[str, ...] = ()  # env_file references, root-relative
    # What provides names env-lint cannot list (``envFrom`` a Secret, ``fromGroup``, an
    # ``env_file``): a missing variable may come from there, so none is reported.
    indirect: tuple[str, ...] = ()
    role: str = DEPLOY
    # False: the platform also sets variables out of band (fly secrets, CI secrets), so a
    # variable the file lacks is not missing unless the config says the file holds them all.
    complete: bool = True
    # The image it runs, when it names one and no build context (a Kubernetes container): it
    # runs the service whose directory or package is named like the image, if any.
    image: str | None = None
    # The build stage it runs (compose ``build.target``), lower-cased; None: the last one.
    stage: str | None = None

    @property
    def label(self) -> str:
        return f"{self.kind} `{self.unit}`" if self.unit else f"{self.kind} `{self.path}`"

    def get(self, name: str) -> ManifestVar | None:
        return next((v for v in self.variables if v.name == name), None)
