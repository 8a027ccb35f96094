# syntax=docker/dockerfile:1
# The emulator host as a container: build with the .NET 10 SDK, run on the ASP.NET runtime as the
# image's non-root "app" user. Device state lives in /var/lib/axis-emulator (mount a volume there).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# global.json is left out on purpose: it pins the SDK feature band of developer machines, and the
# image's SDK (whatever 10.0 band it carries) builds the same code.
COPY Directory.Build.props Directory.Packages.props BannedSymbols.txt .editorconfig ./
COPY emulator/ emulator/
COPY hardware-profiles/ hardware-profiles/
RUN dotnet restore emulator/AxisEmulator/AxisEmulator.csproj
# Reproducible: deterministic compilation with source paths mapped to /_/ (ContinuousIntegrationBuild),
# so the same commit gives byte-identical assemblies on any builder; pin the two base images by digest
# (FROM …@sha256:…) in a release pipeline for byte-identical layers too.
RUN dotnet publish emulator/AxisEmulator/AxisEmulator.csproj -c Release --no-restore -o /app \
    -p:ContinuousIntegrationBuild=true -p:Deterministic=true

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
# The publish output already carries hardware-profiles/ (the host's csproj copies it next to the
# executable, where the profile catalog looks first).
COPY --from=build /app ./
RUN mkdir -p /var/lib/axis-emulator && chown app:app /var/lib/axis-emulator
# The control API must listen on the container's interface to be published, which is not loopback:
# the emulator then refuses to start without a bearer token (Emulator__Token or --token).
ENV Emulator__StateDir=/var/lib/axis-emulator \
    Emulator__ControlUrl=http://0.0.0.0:8080 \
    DOTNET_NOLOGO=1
VOLUME ["/var/lib/axis-emulator"]
USER app
# 8080: control API; 8081-8099: per-device VAPIX listeners (DESIGN.md §6-7). The default command
# binds the device listeners to 0.0.0.0 (--device-bind-address) so published device ports reach
# them; outside a container they bind 127.0.0.1 unless asked otherwise.
EXPOSE 8080 8081-8099
# Healthy means the control API answers GET /healthz with 200 (it needs no token). The image has no
# curl or wget, so bash's /dev/tcp asks it; HEALTH_PORT follows a changed control port
# (tests/AxisEmulator.Client.Tests/ContainerConventionsTests.cs runs this very command).
ENV HEALTH_PORT=8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
    CMD ["/bin/bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${HEALTH_PORT} && printf 'GET /healthz HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
# Arguments are the CLI's: nothing (serve with defaults on every interface), "serve --devices 3
# --device-bind-address 0.0.0.0", "run DIR", "profiles list". Arguments given replace the default command.
ENTRYPOINT ["dotnet", "AxisEmulator.dll"]
CMD ["serve", "--device-bind-address", "0.0.0.0"]
