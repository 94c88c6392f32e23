using System.Net;
using System.Net.Http.Headers;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests;

public sealed class AuthorizationTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    public static TheoryData<string, string> EveryApiEndpoint() => new()
    {
        { "GET", "/api/thematic-areas" }, { "GET", "/api/thematic-areas/1" }, { "PUT", "/api/thematic-areas/1" },
        { "PUT", "/api/thematic-areas" }, { "GET", "/api/gcm-objectives" }, { "GET", "/api/gcm-objectives/1" },
        { "PUT", "/api/gcm-objectives/1" }, { "GET", "/api/guiding-principles" }, { "PUT", "/api/guiding-principles/1" },
        { "GET", "/api/constituencies" }, { "PUT", "/api/constituencies/donors" }, { "GET", "/api/countries" },
        { "GET", "/api/countries/MEX" }, { "PUT", "/api/countries/MEX" }, { "GET", "/api/organizations" },
        { "GET", "/api/organizations/IOM" }, { "PUT", "/api/organizations/IOM" }, { "GET", "/api/settings" },
        { "PUT", "/api/settings" }, { "GET", "/api/audit-log" }, { "GET", "/api/me" },
    };

    public static TheoryData<string, string> WriteEndpoints() => new()
    {
        { "PUT", "/api/thematic-areas/1" }, { "PUT", "/api/thematic-areas" }, { "PUT", "/api/gcm-objectives/1" },
        { "PUT", "/api/guiding-principles/1" }, { "PUT", "/api/constituencies/donors" }, { "PUT", "/api/countries/MEX" },
        { "PUT", "/api/organizations/IOM" }, { "PUT", "/api/settings" },
    };

    [Theory]
    [MemberData(nameof(EveryApiEndpoint))]
    public async Task Without_a_token_every_endpoint_answers_401_with_a_problem(string method, string path)
    {
        using var client = api.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = HttpAssert.JsonBody("{}") };

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        await HttpAssert.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJmbXUub2ZmaWNlciIsInJvbGVzIjoiRnVuZE1hbmFnZXIifQ.c2lnbmF0dXJl")]
    public async Task A_forged_or_malformed_token_is_refused(string token)
    {
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        await HttpAssert.ProblemAsync(await client.GetAsync("/api/settings", TestContext.Current.CancellationToken),
            HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(WriteEndpoints))]
    public async Task Roles_other_than_fund_manager_and_administrator_get_403_on_every_change(string method, string path)
    {
        foreach (var user in new[] { "gov.mex", "sc.deu", "puno.iom" })
        {
            using var client = await api.CreateClientAsAsync(user);
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = HttpAssert.JsonBody("{}") };

            await HttpAssert.ProblemAsync(await client.SendAsync(request, TestContext.Current.CancellationToken),
                HttpStatusCode.Forbidden);
        }
    }

    [Theory]
    [InlineData("gov.mex")]
    [InlineData("sc.deu")]
    [InlineData("puno.iom")]
    public async Task Only_the_fmu_and_administrators_read_the_audit_log(string user)
    {
        using var client = await api.CreateClientAsAsync(user);
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/audit-log", TestContext.Current.CancellationToken),
            HttpStatusCode.Forbidden);

        using var fmu = await api.CreateClientAsAsync("admin");
        await HttpAssert.OkJsonAsync(await fmu.GetAsync("/api/audit-log", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Me_tells_the_callers_roles_and_scope()
    {
        using var client = await api.CreateClientAsAsync("gov.phl");

        var me = await HttpAssert.OkJsonAsync(await client.GetAsync("/api/me", TestContext.Current.CancellationToken));

        Assert.Equal("gov.phl", me.GetProperty("user").GetString());
        Assert.Equal(["GovernmentFocalPoint"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("PHL", me.GetProperty("country").GetString());
    }
}
