using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Api.Tests.Committee;
using TrustFundManager.Api.Tests.ConceptNotes;
using TrustFundManager.Api.Tests.Funding;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Resilience;

/// <summary>The real resources the hostile inputs are aimed at, made once for the class.</summary>
public sealed class HostileInputHost : IAsyncLifetime
{
    public SqliteApiFactory Api { get; } = new();
    public Guid DraftNote { get; private set; }
    public Guid Donor { get; private set; }
    public Guid Contribution { get; private set; }
    public Guid Ballot { get; private set; }
    public Guid NoteOnBallot { get; private set; }
    public Guid Programme { get; private set; }

    public async ValueTask InitializeAsync()
    {
        await Api.AppointCommitteeAsync();
        using var government = await Api.CreateClientAsAsync("gov.mex");
        DraftNote = await government.CreatedNoteAsync();
        Contribution = await Api.CommittedContributionAsync(5_000.00m);
        using (var fmu = await Api.CreateClientAsAsync("fmu.officer"))
            Donor = await fmu.CreatedDonorAsync($"Hostile input donor {Guid.NewGuid():N}");
        NoteOnBallot = await Api.NoteUnderReviewAsync();
        Ballot = await Api.OpenedBallotAsync(NoteOnBallot);
        var approved = await Api.ApprovedNotesAsync(1);
        Programme = (await Api.ProgrammeAsync(approved[0])).Id();
    }

    public ValueTask DisposeAsync() => Api.DisposeAsync();
}

/// <summary>
/// Wrong types, unknown enum values, impossible amounts, overlong and odd texts sent to the main write endpoints with
/// real resources in place. What cannot be read or breaks a rule is refused with a 400 naming the field and writes
/// nothing; text that is merely unusual is kept exactly as sent and comes back JSON-escaped.
/// </summary>
public sealed class HostileInputTests(HostileInputHost host) : IClassFixture<HostileInputHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private TrustFundApiFactory Api => host.Api;

    /// <summary>A write endpoint, the user who may call it, and a body it accepts.</summary>
    private sealed record Target(string Name, string User, HttpMethod Method, string Path, JsonObject ValidBody);

    private Target Pledge => new("pledge", "fmu.officer", HttpMethod.Post, "/api/contributions",
        Json(new { donorId = host.Donor, pledgedOn = Api.Today(), amount = 100.00m, currency = "EUR", rateToUsd = 1.1m }));
    private Target Deposit => new("deposit", "fmu.officer", HttpMethod.Post, $"/api/contributions/{host.Contribution}/deposits",
        Json(new { receivedOn = Api.Today(), amount = 10.00m, rateToUsd = 1m, reference = "BANK-1" }));
    private Target FundingTarget => new("funding target", "fmu.officer", HttpMethod.Post, "/api/funding-targets",
        Json(new { title = "Review Forum", amountUsd = 1_000.00m, dueOn = new DateOnly(2099, 5, 1) }));
    private Target Transfer => new("transfer", "fmu.officer", HttpMethod.Post, $"/api/joint-programmes/{host.Programme}/transfers",
        Json(new { organization = "UNICEF", amountUsd = 10.00m, transferredOn = Api.Today(), reference = "MPTF-1" }));
    private Target Expenditure => new("expenditure", "fmu.officer", HttpMethod.Put,
        $"/api/joint-programmes/{host.Programme}/expenditure/UNICEF/{Api.Today().Year}", Json(new { amountUsd = 1.00m }));
    private Target NewNote => new("new concept note", "gov.mex", HttpMethod.Post, "/api/concept-notes",
        ConceptNoteTestSupport.CompleteNote());
    private Target NoteEdit => new("concept note edit", "gov.mex", HttpMethod.Put, $"/api/concept-notes/{host.DraftNote}",
        ConceptNoteTestSupport.CompleteNote());
    private Target Donor => new("donor", "fmu.officer", HttpMethod.Post, "/api/donors",
        Json(new { name = $"Donor {Guid.NewGuid():N}", kind = "Government", country = "DEU" }));
    private Target OpenBallot => new("ballot", "fmu.officer", HttpMethod.Post, "/api/ballots",
        Json(new { title = "Written procedure", kind = "WrittenProcedure", deadline = Api.Clock.GetUtcNow().AddDays(7),
            conceptNoteIds = new[] { host.NoteOnBallot } }));
    private Target Vote => new("vote", "sc.deu", HttpMethod.Put, $"/api/ballots/{host.Ballot}/items/{host.NoteOnBallot}/vote",
        Json(new { choice = "Approve", comment = "In favour" }));

    private const string DecimalOverflow = "79228162514264337593543950336";
    private const string DecimalMax = "79228162514264337593543950335";

    /// <summary>Amounts no money field takes: below zero, beyond a decimal, beyond the fund's maximum, fractions of a cent, not numbers.</summary>
    private static readonly string[] ImpossibleAmounts =
        ["-1", "-0.01", "1e30", DecimalOverflow, DecimalMax, "10000000000.01", "0.001", "12.345", "\"twelve\"", "true", "{}", "[]", "null"];

    [Fact]
    public async Task Impossible_amounts_are_refused_naming_the_field_and_write_nothing()
    {
        var cases = new List<(Target Target, string Field, string Value)>();
        foreach (var value in ImpossibleAmounts.Append("0"))
        {
            cases.Add((Pledge, "amount", value));
            cases.Add((Deposit, "amount", value));
            cases.Add((FundingTarget, "amountUsd", value));
            cases.Add((Transfer, "amountUsd", value));
            // Nothing spent in a year is a real report, so zero is a valid expenditure.
            if (value != "0") cases.Add((Expenditure, "amountUsd", value));
            // A draft may leave its total out; a share above 10 billion is refused through the total and the ceiling,
            // which are settings, so neither belongs here.
            if (value != "null") cases.Add((NewNote, "totalRequestedUsd", value));
            if (value != "10000000000.01") cases.Add((NoteEdit, "budget[0].amountUsd", value));
        }
        foreach (var rate in new[] { "-1", "0", "1e30", DecimalOverflow, "100000.01", "0.000000001", "\"par\"" })
            cases.Add((Pledge, "rateToUsd", rate));

        await AssertRefusedAsync(cases);
    }

    [Fact]
    public async Task Values_of_the_wrong_type_or_unknown_enum_values_are_refused_naming_the_field_and_write_nothing()
    {
        await AssertRefusedAsync(
        [
            (Donor, "name", "42"), (Donor, "name", "{\"text\":\"x\"}"), (Donor, "name", "[\"x\"]"),
            (Donor, "kind", "\"Astrologer\""), (Donor, "kind", "99"), (Donor, "kind", "\"\""), (Donor, "country", "7"),
            (NewNote, "title", "123"), (NewNote, "gcmObjectives", "{\"first\":5}"), (NewNote, "gcmObjectives", "\"5,6\""),
            (NewNote, "gcmObjectives", "[\"five\"]"), (NewNote, "durationMonths", "24.5"), (NewNote, "durationMonths", DecimalOverflow),
            (NewNote, "markers", "[2,2,1]"), (NewNote, "partners", "{\"name\":\"Ministry\"}"),
            (NewNote, "endorsement.endorsedOn", "\"15/01/2026\""), (NoteEdit, "budget", "{\"IOM\":600000}"),
            (NoteEdit, "version", "\"not-a-guid\""),
            (OpenBallot, "conceptNoteIds", "{}"), (OpenBallot, "conceptNoteIds", "[\"not-a-guid\"]"), (OpenBallot, "conceptNoteIds", "null"),
            (OpenBallot, "kind", "\"Referendum\""), (OpenBallot, "kind", "99"), (OpenBallot, "deadline", "\"next week\""),
            (Vote, "choice", "\"Maybe\""), (Vote, "choice", "42"), (Vote, "comment", "123"),
            (Pledge, "pledgedOn", "\"yesterday\""), (Pledge, "donorId", "12"), (Pledge, "currency", "840"),
            (Transfer, "transferredOn", "\"2026-02-30\""), (Transfer, "organization", "[\"UNICEF\"]"),
        ]);
    }

    [Fact]
    public async Task Texts_longer_than_their_columns_are_refused_naming_the_field_and_write_nothing()
    {
        static string Text(int length) => JsonSerializer.Serialize(new string('x', length));
        await AssertRefusedAsync(
        [
            (Donor, "name", Text(201)), (FundingTarget, "title", Text(201)), (OpenBallot, "title", Text(301)),
            (Vote, "comment", Text(4001)), (Transfer, "reference", Text(101)), (Transfer, "organization", Text(21)),
            (Deposit, "reference", Text(101)), (NewNote, "contact.name", Text(201)), (NewNote, "contact.phone", Text(41)),
            (NewNote, "contact.email", JsonSerializer.Serialize(new string('a', 250) + "@example.org")),
            (NewNote, "partners[0].name", Text(301)), (NoteEdit, "endorsement.endorsedBy", Text(201)),
            (NoteEdit, "title", JsonSerializer.Serialize(string.Concat(Enumerable.Repeat("\U0001F600", 5_000)))),
            (NoteEdit, "summary", JsonSerializer.Serialize(string.Concat(Enumerable.Repeat("\U0001F30D", 5_000)))),
        ]);
    }

    /// <summary>
    /// A lone surrogate is not text: it has no UTF-8 form, so the database could not keep it as sent. It is refused as
    /// a value the API cannot read, whatever the field.
    /// </summary>
    [Fact]
    public async Task A_lone_surrogate_is_refused_naming_the_field_and_writes_nothing()
    {
        await AssertRefusedAsync(
        [
            (Donor, "name", "\"Donor \\ud800\""), (NewNote, "title", "\"\\udc00 title\""), (NoteEdit, "summary", "\"a \\ud83d b\""),
            (Vote, "comment", "\"\\ud800\""),
        ]);
    }

    /// <summary>
    /// Odd but real text (SQL, markup, a NUL pasted from another system, bidirectional controls, emoji up to the limit) is
    /// a name or a title like any other: refusing it would refuse real names, so it is kept exactly as sent and never
    /// run. It comes back as application/json with control characters escaped; markup characters stay as they are, as
    /// JSON allows (ASP.NET Core's relaxed encoder): escaping for HTML is the job of whatever page shows the value.
    /// </summary>
    public static readonly string[] OddTexts =
    [
        "Robert'); DROP TABLE Donors;--",
        "' OR '1'='1",
        "<script>alert('x')</script>",
        "<img src=x onerror=alert(1)>",
        "Null\u0000byte",
        "Right-to-left \u202Egnp.exe",
        "Tab\there, line\nbreak and vertical\u000Btab",
        "Zero\u200Bwidth and \uFEFF BOM",
        string.Concat(Enumerable.Repeat("\U0001F600", 90)),
    ];

    [Fact]
    public async Task Odd_text_is_stored_exactly_as_sent_and_returned_escaped()
    {
        using var fmu = await Api.CreateClientAsAsync("fmu.officer");
        using var government = await Api.CreateClientAsAsync("gov.mex");
        var failures = new List<string>();

        foreach (var (text, index) in OddTexts.Select((t, i) => (t, i)))
        {
            var name = $"{text} {index}";
            var donor = await fmu.PostAsync("/api/donors", RawJson(Donor.ValidBody, "name", JsonSerializer.Serialize(name)), Ct);
            await CheckStoredAsync(failures, $"donor name #{index}", donor, HttpStatusCode.Created, "name", name,
                async id => await Api.WithDbAsync(db => db.Donors.Where(d => d.Id == id).Select(d => d.Name).SingleAsync(Ct)));

            var note = ConceptNoteTestSupport.CompleteNote().With("title", text).With("summary", $"Summary: {text}");
            var created = await government.CreateNoteAsync(note);
            await CheckStoredAsync(failures, $"concept note title #{index}", created, HttpStatusCode.Created, "title", text,
                async id => await Api.WithDbAsync(db => db.ConceptNotes.Where(n => n.Id == id).Select(n => n.Title).SingleAsync(Ct)));
        }

        var longest = string.Concat(Enumerable.Repeat("\U0001F30D", 4_000));
        var full = await government.UpdateNoteAsync(host.DraftNote, ConceptNoteTestSupport.CompleteNote().With("summary", longest));
        await CheckStoredAsync(failures, "a summary of 8,000 UTF-16 units of emoji", full, HttpStatusCode.OK, "summary", longest,
            async id => await Api.WithDbAsync(db => db.ConceptNotes.Where(n => n.Id == id).Select(n => n.Summary!).SingleAsync(Ct)));

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task Odd_text_once_stored_does_not_break_searches_lists_or_exports()
    {
        using var government = await Api.CreateClientAsAsync("gov.mex");
        using var fmu = await Api.CreateClientAsAsync("fmu.officer");
        foreach (var text in OddTexts)
            await HttpAssert.OkJsonAsync(await government.CreateNoteAsync(ConceptNoteTestSupport.CompleteNote()
                .With("title", $"Exports: {text}").With("summary", text)), HttpStatusCode.Created);
        var notes = await Api.WithDbAsync(db => db.ConceptNotes.CountAsync(Ct));
        var failures = new List<string>();

        foreach (var query in new[] { "' OR '1'='1", "%", "_", "\\", "'; DROP TABLE ConceptNotes;--", "<script>" })
        {
            var response = await fmu.GetAsync($"/api/concept-notes?q={Uri.EscapeDataString(query)}&pageSize=200", Ct);
            if (response.StatusCode != HttpStatusCode.OK) { failures.Add($"search for {query}: {(int)response.StatusCode}"); continue; }
            var found = (await response.Content.ReadFromJsonElementAsync()).GetProperty("items").GetArrayLength();
            if (found >= notes) failures.Add($"search for {query} matched every note ({found})");
        }
        foreach (var path in new[] { "/api/concept-notes?pageSize=200", "/api/donors", "/api/reports/portfolio.xlsx",
                     "/api/iati/activities.xml", "/api/reports/pipeline.xlsx", "/api/audit-log" })
        {
            var response = await fmu.GetAsync(path, Ct);
            if (response.StatusCode != HttpStatusCode.OK)
                failures.Add($"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        }
        Assert.Equal(notes, await Api.WithDbAsync(db => db.ConceptNotes.CountAsync(Ct)));
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    // ---- Helpers ------------------------------------------------------------------------------------------------

    private async Task AssertRefusedAsync(IReadOnlyList<(Target Target, string Field, string Value)> cases)
    {
        var clients = new Dictionary<string, HttpClient>();
        var failures = new List<string>();
        try
        {
            foreach (var (target, field, value) in cases)
            {
                if (!clients.TryGetValue(target.User, out var client))
                    clients[target.User] = client = await Api.CreateClientAsAsync(target.User);
                var before = await DatabaseRows.CountAsync(Api);
                using var request = new HttpRequestMessage(target.Method, target.Path) { Content = RawJson(target.ValidBody, field, value) };
                using var response = await client.SendAsync(request, Ct);
                var text = await response.Content.ReadAsStringAsync(Ct);
                var label = $"{target.Name} ({target.Method} {target.Path}) with {field} = {Shorten(value)}";

                if (response.StatusCode != HttpStatusCode.BadRequest) failures.Add($"{label}: expected 400, got {(int)response.StatusCode}: {Shorten(text)}");
                else if (!ErrorFields(text).Any(e => Names(e, field))) failures.Add($"{label}: the errors do not name {field}: {Shorten(text)}");
                var changes = before.ChangesTo(await DatabaseRows.CountAsync(Api));
                if (changes.Count > 0) failures.Add($"{label}: rows written: {string.Join("; ", changes)}");
            }
        }
        finally
        {
            foreach (var client in clients.Values) client.Dispose();
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} cases failed:\n{string.Join('\n', failures)}");
    }

    private static async Task CheckStoredAsync(List<string> failures, string label, HttpResponseMessage response,
        HttpStatusCode expected, string property, string sent, Func<Guid, Task<string>> stored)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        if (response.StatusCode != expected)
        {
            failures.Add($"{label}: expected {(int)expected}, got {(int)response.StatusCode}: {Shorten(text)}");
            return;
        }
        var body = JsonDocument.Parse(text).RootElement;
        if (body.GetProperty(property).GetString() != sent) failures.Add($"{label}: the answer's {property} differs from what was sent");
        if (await stored(body.GetProperty("id").GetGuid()) != sent) failures.Add($"{label}: the stored {property} differs from what was sent");
        if (response.Content.Headers.ContentType?.MediaType != "application/json")
            failures.Add($"{label}: answered as {response.Content.Headers.ContentType?.MediaType}, not application/json");
        if (text.Any(c => c < ' '))
            failures.Add($"{label}: control characters come back unescaped in the JSON");
    }

    /// <summary>The body with <paramref name="field"/> (a path such as <c>contact.name</c> or <c>budget[0].amountUsd</c>) set to raw JSON.</summary>
    private static StringContent RawJson(JsonObject body, string field, string rawValue)
    {
        const string Placeholder = "\u0001placeholder\u0001";
        var copy = (JsonObject)body.DeepClone();
        JsonNode parent = copy;
        var steps = field.Split('.');
        foreach (var step in steps[..^1]) parent = Step(parent, step);
        var last = steps[^1];
        if (last.EndsWith(']'))
        {
            parent = parent[last[..last.IndexOf('[')]]!;
            parent[int.Parse(last[(last.IndexOf('[') + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)] = Placeholder;
        }
        else
        {
            parent[last] = Placeholder;
        }
        var placeholderJson = JsonSerializer.Serialize(Placeholder);
        return new StringContent(copy.ToJsonString().Replace(placeholderJson, rawValue, StringComparison.Ordinal),
            Encoding.UTF8, "application/json");
    }

    private static JsonNode Step(JsonNode node, string step)
    {
        if (!step.EndsWith(']')) return node[step] ??= new JsonObject();
        var name = step[..step.IndexOf('[')];
        var index = int.Parse(step[(step.IndexOf('[') + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
        return node[name]![index]!;
    }

    private static JsonObject Json(object value) =>
        JsonSerializer.SerializeToNode(value, TrustFundApiFactory.Json)!.AsObject();

    /// <summary>An error on the field itself or on a part of it (<c>gcmObjectives[0]</c> for <c>gcmObjectives</c>).</summary>
    private static bool Names(string errorKey, string field) =>
        errorKey == field || errorKey.StartsWith(field + "[", StringComparison.Ordinal)
        || errorKey.StartsWith(field + ".", StringComparison.Ordinal);

    private static HashSet<string> ErrorFields(string problem) =>
        JsonDocument.Parse(problem).RootElement.TryGetProperty("errors", out var errors)
            ? errors.EnumerateObject().Select(e => e.Name).ToHashSet(StringComparer.Ordinal)
            : [];

    private static string Shorten(string text) => text.Length <= 240 ? text : text[..240] + "...";
}

internal static class ResponseReading
{
    public static async Task<JsonElement> ReadFromJsonElementAsync(this HttpContent content) =>
        JsonDocument.Parse(await content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
}
