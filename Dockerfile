# The API, built from the repository root: docker build -t trustfundmanager-api .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY Directory.Build.props Directory.Packages.props ./
COPY src/ src/
COPY workflows/ workflows/
RUN dotnet publish src/TrustFundManager.Api/TrustFundManager.Api.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
# The embedded SQLite default writes to /app/data; on SQL Server the folder stays empty.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "TrustFundManager.Api.dll"]
