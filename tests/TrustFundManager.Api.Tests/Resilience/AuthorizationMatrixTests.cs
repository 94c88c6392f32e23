using System.Net;
using Microsoft.AspNetCore.Authorization;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Resilience;

/// <summary>
/// Every <c>/api</c> operation the host maps, called without a token and as one user of each role: what the operation's
/// own policy says decides the expected answer, so a new endpoint is covered the day it is mapped.
/// </summary>
public sealed class AuthorizationMatrixTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_api_operation_answers_401_without_a_token_and_403_exactly_to_the_roles_its_policy_leaves_out()
    {
        var operations = await ApiEndpointCatalog.ReadAsync(api);
        Assert.True(operations.Count >= 80, $"Only {operations.Count} /api operations were found; is the catalog reading the host?");
        var failures = new List<string>();
        var users = new Dictionary<string, HttpClient> { [""] = api.CreateClient() };
        foreach (var user in ApiEndpointCatalog.OneUserPerRole) users[user] = await api.CreateClientAsAsync(user);

        try
        {
            foreach (var operation in operations)
            {
                if (!operation.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy)))
                {
                    failures.Add($"{operation} names no authorization policy");
                    continue;
                }
                var path = operation.SamplePath();
                foreach (var (user, client) in users)
                {
                    var status = await SendAsync(client, operation.Method, path);
                    var expectation = Judge(operation, user, status);
                    if (expectation is not null) failures.Add($"{operation.Method} {operation.Route} ({path}) as {Describe(user)}: {expectation}");
                }
            }
        }
        finally
        {
            foreach (var client in users.Values) client.Dispose();
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{operations.Count} operations, each called by {users.Count} callers (no token and {users.Count - 1} roles)");
        Assert.True(failures.Count == 0, $"{failures.Count} calls answered wrongly:\n{string.Join('\n', failures)}");
    }

    /// <summary>Null when the status is what the policy calls for, otherwise what was expected.</summary>
    private static string? Judge(ApiOperation operation, string user, HttpStatusCode status)
    {
        var code = (int)status;
        if (code >= 500) return $"answered {code}";
        if (user == "") return status == HttpStatusCode.Unauthorized ? null : $"expected 401 without a token, got {code}";

        bool admitted;
        try
        {
            admitted = operation.Admits(ApiEndpointCatalog.PrincipalOf(user));
        }
        catch (InvalidOperationException cannotJudge)
        {
            return cannotJudge.Message;
        }
        if (!admitted) return status == HttpStatusCode.Forbidden ? null : $"the policy leaves this role out: expected 403, got {code}";
        return status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            ? $"the policy admits this role, yet it answered {code}"
            : null;
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH") request.Content = HttpAssert.JsonBody("{}");
        using var response = await client.SendAsync(request, Ct);
        return response.StatusCode;
    }

    private static string Describe(string user) => user == "" ? "no one (no token)" : user;
}
