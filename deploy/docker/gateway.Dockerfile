# The gateway image. Build from the repository root:
#   docker build -f deploy/docker/gateway.Dockerfile -t carlos-gateway:0.1.0 .
# The SDK tag follows global.json; the runtime tag is the ASP.NET Core runtime the SDK targets.
FROM mcr.microsoft.com/dotnet/sdk:10.0.401 AS build
WORKDIR /src
# Node.js for the web page's bundle (Vite 8 needs 20.19 or later), taken from the pinned official image.
COPY --from=node:20.19.5-bookworm-slim /usr/local/bin/node /usr/local/bin/node
COPY --from=node:20.19.5-bookworm-slim /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm && node --version && npm --version
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY Carlos.Contracts/Carlos.Contracts.csproj Carlos.Contracts/
COPY Carlos.Telemetry/Carlos.Telemetry.csproj Carlos.Telemetry/
COPY Carlos.Grains/Carlos.Grains.csproj Carlos.Grains/
COPY Carlos.Gateway/Carlos.Gateway.csproj Carlos.Gateway/WebPage.targets Carlos.Gateway/
COPY Carlos.Web/package.json Carlos.Web/package-lock.json Carlos.Web/
RUN cd Carlos.Web && npm ci --no-audit --no-fund --loglevel=error
RUN dotnet restore Carlos.Gateway/Carlos.Gateway.csproj
COPY Carlos.Contracts/ Carlos.Contracts/
COPY Carlos.Telemetry/ Carlos.Telemetry/
COPY Carlos.Grains/ Carlos.Grains/
COPY Carlos.Gateway/ Carlos.Gateway/
COPY Carlos.Web/ Carlos.Web/
RUN dotnet publish Carlos.Gateway/Carlos.Gateway.csproj --configuration Release --no-restore --output /app \
    -p:UseAppHost=false

# Chiseled: no shell, no package manager, a non-root user (1654) built in.
FROM mcr.microsoft.com/dotnet/aspnet:10.0.12-noble-chiseled AS runtime
WORKDIR /app
COPY --from=build /app ./
USER 1654:1654
ENV Urls=http://+:8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "Carlos.Gateway.dll"]
