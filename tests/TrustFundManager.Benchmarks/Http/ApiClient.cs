using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrustFundManager.Benchmarks.Http;

/// <summary>A call to the API answered with an error: the method, the path, the status and the body it sent back.</summary>
public sealed class ApiCallException(string message) : Exception(message);

/// <summary>JSON over HTTP with a bearer token per request, as every caller of the API does it.</summary>
internal sealed class ApiClient(HttpClient http)
{
    /// <summary>The API's own conventions: camelCase names and enums by name.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public HttpClient Http => http;

    /// <summary>One request, ready to send; the load runner sends these.</summary>
    public static HttpRequestMessage Request(HttpMethod method, string path, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body, options: Json);
        return request;
    }

    public async Task<string> TokenAsync(string user, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("/dev/token", new { user }, Json, ct);
        var answer = await SuccessfulBodyAsync(response, $"POST /dev/token as {user}", ct);
        return answer.GetProperty("access_token").GetString()!;
    }

    public Task<JsonElement> GetAsync(string path, string token, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, path, token, null, ct);

    public Task<JsonElement> PostAsync(string path, string token, object? body, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, path, token, body, ct);

    public Task<JsonElement> PutAsync(string path, string token, object body, CancellationToken ct) =>
        SendAsync(HttpMethod.Put, path, token, body, ct);

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, string token, object? body,
        CancellationToken ct)
    {
        using var request = Request(method, path, token, body);
        using var response = await http.SendAsync(request, ct);
        return await SuccessfulBodyAsync(response, $"{method} {path}", ct);
    }

    private static async Task<JsonElement> SuccessfulBodyAsync(HttpResponseMessage response, string call,
        CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
            throw new ApiCallException($"{call} answered {(int)response.StatusCode} {response.StatusCode}: {text}");
        if (text.Length == 0) return default;
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}

internal static class ApiJson
{
    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    /// <summary>A concept note's workflow state, such as <c>draft</c> or <c>funded</c>.</summary>
    public static string StatusName(this JsonElement note) => note.GetProperty("status").GetProperty("name").GetString()!;

    public static IEnumerable<JsonElement> Items(this JsonElement page) => page.GetProperty("items").EnumerateArray();
}
