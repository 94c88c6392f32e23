using System.Collections;
using System.Net;
using System.Text;
using System.Text.Json;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Resilience;

/// <summary>
/// Every write operation under <c>/api</c>, read from the host's endpoint list, sent bodies it cannot read, by a user its
/// policy admits: each answers a 4xx problem (400 for a body that is not the JSON object expected, 415 for another
/// media type) and leaves every table as it was.
/// </summary>
public sealed class MalformedBodySweepTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record BadBody(string Name, string Text, string MediaType, Func<ApiOperation, HttpStatusCode?> Expected);

    /// <summary>Null as the expected status means: any 4xx (the endpoint reads no body, so the unknown id answers).</summary>
    private static readonly BadBody[] BadBodies =
    [
        new("truncated object", "{", "application/json", ReadsBody(HttpStatusCode.BadRequest)),
        new("truncated array", "[1,2", "application/json", ReadsBody(HttpStatusCode.BadRequest)),
        new("truncated literal", "nul", "application/json", ReadsBody(HttpStatusCode.BadRequest)),
        new("array for an object", "[1,2,3]", "application/json", o => ExpectsObject(o) ? HttpStatusCode.BadRequest : null),
        new("string for an object", "\"a string\"", "application/json", ReadsBody(HttpStatusCode.BadRequest)),
        new("number for an object", "42", "application/json", ReadsBody(HttpStatusCode.BadRequest)),
        new("empty body", "", "application/json", RequiresBody(HttpStatusCode.BadRequest)),
        new("wrong media type", "{}", "text/plain", RequiresBody(HttpStatusCode.UnsupportedMediaType)),
        new("form instead of JSON", "title=x", "application/x-www-form-urlencoded", RequiresBody(HttpStatusCode.UnsupportedMediaType)),
    ];

    [Fact]
    public async Task Every_write_operation_refuses_bodies_it_cannot_read_with_a_4xx_problem_and_writes_nothing()
    {
        var writes = (await ApiEndpointCatalog.ReadAsync(api)).Where(o => o.IsWrite).ToList();
        Assert.True(writes.Count >= 30, $"Only {writes.Count} write operations were found.");
        Assert.Contains(writes, o => o.RequiresJsonBody);
        var clients = new Dictionary<string, HttpClient>();
        foreach (var user in ApiEndpointCatalog.OneUserPerRole) clients[user] = await api.CreateClientAsAsync(user);
        var failures = new List<string>();

        try
        {
            foreach (var operation in writes)
            {
                var user = ApiEndpointCatalog.OneUserPerRole.FirstOrDefault(u => operation.Admits(ApiEndpointCatalog.PrincipalOf(u)));
                if (user is null)
                {
                    failures.Add($"{operation}: no demo user is admitted by its policy");
                    continue;
                }
                var path = operation.SamplePath();
                var before = await DatabaseRows.CountAsync(api);
                foreach (var body in BadBodies)
                {
                    var failure = await CheckAsync(clients[user], operation, path, body);
                    if (failure is not null) failures.Add($"{operation.Method} {operation.Route} ({path}) as {user}, {body.Name}: {failure}");
                }
                var changes = before.ChangesTo(await DatabaseRows.CountAsync(api));
                if (changes.Count > 0) failures.Add($"{operation} as {user} wrote rows: {string.Join("; ", changes)}");
            }
        }
        finally
        {
            foreach (var client in clients.Values) client.Dispose();
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{writes.Count} write operations ({writes.Count(o => o.RequiresJsonBody)} require a JSON body), {BadBodies.Length} bad bodies each");
        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n{string.Join('\n', failures)}");
    }

    /// <summary>Over the test host's <c>Api:MaxRequestBodyBytes</c> (64 KiB): a valid JSON object with one long text.</summary>
    private static readonly string OversizedBody = $"{{\"title\": \"{new string('x', 70_000)}\", \"name\": \"x\"}}";

    [Fact]
    public async Task Every_write_operation_that_reads_a_body_refuses_one_over_the_limit_with_413_whether_its_length_is_declared_or_chunked()
    {
        var writes = (await ApiEndpointCatalog.ReadAsync(api)).Where(o => o.IsWrite && o.Body?.RequestType is not null).ToList();
        Assert.NotEmpty(writes);
        var clients = new Dictionary<string, HttpClient>();
        foreach (var user in ApiEndpointCatalog.OneUserPerRole) clients[user] = await api.CreateClientAsAsync(user);
        var failures = new List<string>();

        try
        {
            foreach (var operation in writes)
            {
                var user = ApiEndpointCatalog.OneUserPerRole.First(u => operation.Admits(ApiEndpointCatalog.PrincipalOf(u)));
                var path = operation.SamplePath();
                var before = await DatabaseRows.CountAsync(api);
                foreach (var chunked in new[] { false, true })
                {
                    using var request = new HttpRequestMessage(new HttpMethod(operation.Method), path) { Content = Oversized(chunked) };
                    request.Headers.TransferEncodingChunked = chunked;
                    using var response = await clients[user].SendAsync(request, Ct);
                    var text = await response.Content.ReadAsStringAsync(Ct);
                    var label = $"{operation} ({path}) as {user}, {(chunked ? "chunked" : "with its Content-Length")}";
                    if (response.StatusCode != HttpStatusCode.RequestEntityTooLarge)
                        failures.Add($"{label}: expected 413, got {(int)response.StatusCode}: {Shorten(text)}");
                    else if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                        failures.Add($"{label}: 413 without a problem body");
                }
                var changes = before.ChangesTo(await DatabaseRows.CountAsync(api));
                if (changes.Count > 0) failures.Add($"{operation} as {user} wrote rows: {string.Join("; ", changes)}");
            }
        }
        finally
        {
            foreach (var client in clients.Values) client.Dispose();
        }

        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n{string.Join('\n', failures)}");
    }

    [Fact]
    public async Task A_chunked_body_within_the_limit_is_read_as_usual()
    {
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var name = $"Chunked donor {Guid.NewGuid():N}";
        var body = JsonSerializer.Serialize(new { name, kind = "Private" });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/donors") { Content = Chunked(body) };
        request.Headers.TransferEncodingChunked = true;

        var created = await HttpAssert.OkJsonAsync(await fmu.SendAsync(request, Ct), HttpStatusCode.Created);

        Assert.Equal(name, created.GetProperty("name").GetString());
    }

    /// <summary>The oversized body, either with its length declared or as a stream of unknown length (sent chunked).</summary>
    private static HttpContent Oversized(bool chunked)
    {
        return chunked ? Chunked(OversizedBody) : new StringContent(OversizedBody, Encoding.UTF8, "application/json");
    }

    private static HttpContent Chunked(string json)
    {
        var content = new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        // Said outright: otherwise the length may be worked out from the content and declared after all.
        content.Headers.ContentLength = null;
        return content;
    }

    /// <summary>A readable stream that does not tell its length, so the client cannot declare one.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => base.Position; set => throw new NotSupportedException(); }
    }

    private static async Task<string?> CheckAsync(HttpClient client, ApiOperation operation, string path, BadBody body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), path)
        {
            Content = new StringContent(body.Text, Encoding.UTF8, body.MediaType),
        };
        using var response = await client.SendAsync(request, Ct);
        var code = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync(Ct);
        var expected = body.Expected(operation);

        if (expected is { } status && response.StatusCode != status) return $"expected {(int)status}, got {code}: {Shorten(text)}";
        if (code is < 400 or >= 500) return $"expected a 4xx, got {code}: {Shorten(text)}";
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            return $"{code} without a problem body ({response.Content.Headers.ContentType?.MediaType ?? "no content type"})";
        if (expected is HttpStatusCode.BadRequest && !NamesAField(text)) return $"400 names no field: {Shorten(text)}";
        return null;
    }

    private static Func<ApiOperation, HttpStatusCode?> ReadsBody(HttpStatusCode status) =>
        operation => operation.Body?.RequestType is not null ? status : null;

    private static Func<ApiOperation, HttpStatusCode?> RequiresBody(HttpStatusCode status) =>
        operation => operation.RequiresJsonBody ? status : null;

    private static bool ExpectsObject(ApiOperation operation) =>
        operation.Body?.RequestType is { } type && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type);

    private static bool NamesAField(string problem) =>
        JsonDocument.Parse(problem).RootElement.TryGetProperty("errors", out var errors)
        && errors.EnumerateObject().Any();

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "...";
}
