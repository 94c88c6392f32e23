using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace TrustFundManager.Testing;

public static class HttpAssert
{
    public static async Task<JsonElement> OkJsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts an RFC 9457 problem with the status, a title and a traceId; returns it.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("traceId").GetString()));
        return problem;
    }

    /// <summary>Asserts a 400 whose <c>errors</c> name at least the given fields; returns the problem.</summary>
    public static async Task<JsonElement> ValidationProblemAsync(HttpResponseMessage response, params string[] fields)
    {
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var field in fields)
            Assert.True(errors.Contains(field), $"Expected an error for '{field}'; errors were: {string.Join(", ", errors)}");
        return problem;
    }

    public static StringContent JsonBody(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    public static JsonContent JsonBody(object value) => JsonContent.Create(value, options: TrustFundApiFactory.Json);
}
