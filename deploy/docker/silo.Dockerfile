# The silo image. Build from the repository root:
#   docker build -f deploy/docker/silo.Dockerfile -t carlos-silo:0.1.0 .
# The SDK tag follows global.json; the runtime tag is the ASP.NET Core runtime the SDK targets.
FROM mcr.microsoft.com/dotnet/sdk:10.0.401 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY Carlos.Contracts/Carlos.Contracts.csproj Carlos.Contracts/
COPY Carlos.Telemetry/Carlos.Telemetry.csproj Carlos.Telemetry/
COPY Carlos.Grains/Carlos.Grains.csproj Carlos.Grains/
COPY Carlos.Silo/Carlos.Silo.csproj Carlos.Silo/
RUN dotnet restore Carlos.Silo/Carlos.Silo.csproj
COPY Carlos.Contracts/ Carlos.Contracts/
COPY Carlos.Telemetry/ Carlos.Telemetry/
COPY Carlos.Grains/ Carlos.Grains/
COPY Carlos.Silo/ Carlos.Silo/
RUN dotnet publish Carlos.Silo/Carlos.Silo.csproj --configuration Release --no-restore --output /app \
    -p:UseAppHost=false

# Chiseled: no shell, no package manager, a non-root user (1654) built in.
FROM mcr.microsoft.com/dotnet/aspnet:10.0.12-noble-chiseled AS runtime
WORKDIR /app
COPY --from=build /app ./
USER 1654:1654
ENV Urls=http://+:8080
EXPOSE 8080 11111 30000
ENTRYPOINT ["dotnet", "Carlos.Silo.dll"]
