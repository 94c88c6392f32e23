using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests;

public sealed class EndpointConventionTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    [Fact]
    public void Every_endpoint_names_its_policy_or_is_explicitly_anonymous()
    {
        _ = api.Server;
        var endpoints = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        Assert.NotEmpty(endpoints);
        var unstated = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Where(e => !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy)))
            .Select(e => e.RoutePattern.RawText)
            .ToList();
        Assert.Empty(unstated);

        // The web pages' sign-in, language choice and static assets are open too (the pages themselves are not).
        string[] webRoutes = ["/sign-in", "/sign-in/development", "/sign-in/development/session", "/sign-out", "/language",
            "/access-denied"];
        var anonymous = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).ToList();
        Assert.All(anonymous, route => Assert.True(
            route.StartsWith("/health/", StringComparison.Ordinal) || route.StartsWith("/dev/", StringComparison.Ordinal)
            || route.StartsWith("/openapi/", StringComparison.Ordinal) || route.StartsWith("/scalar", StringComparison.Ordinal)
            || route.StartsWith("/_content/", StringComparison.Ordinal) || route.StartsWith("/_framework/", StringComparison.Ordinal)
            || webRoutes.Contains(route),
            $"{route} is open to anonymous callers"));
        Assert.DoesNotContain(anonymous, route => route.StartsWith("/api", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_openapi_document_describes_every_api_operation_with_a_summary_and_the_bearer_scheme()
    {
        using var client = api.CreateClient();

        var document = await HttpAssert.OkJsonAsync(await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken));

        Assert.Equal("http", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer")
            .GetProperty("type").GetString());
        var operations = document.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name, Operation: o.Value)))
            .ToList();
        Assert.True(operations.Count >= 20, $"Only {operations.Count} operations documented");
        Assert.All(operations, o => Assert.False(
            string.IsNullOrWhiteSpace(o.Operation.TryGetProperty("summary", out var s) ? s.GetString() : null),
            $"{o.Method} {o.Path} has no summary"));
        Assert.All(operations, o => Assert.True(
            o.Operation.GetProperty("responses").TryGetProperty("401", out _), $"{o.Method} {o.Path} documents no 401"));
        Assert.All(operations.Where(o => o.Method == "put"), o => Assert.True(
            o.Operation.GetProperty("responses").TryGetProperty("400", out _), $"{o.Method} {o.Path} documents no 400"));
    }

    [Fact]
    public async Task Scalar_serves_its_reference_page_in_development()
    {
        using var client = api.CreateClient();

        var response = await client.GetAsync("/scalar", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
