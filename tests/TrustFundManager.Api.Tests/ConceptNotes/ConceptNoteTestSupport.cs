using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.ConceptNotes;

/// <summary>Concept notes through the API, as a government or the FMU would write them.</summary>
internal static class ConceptNoteTestSupport
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A complete, valid note for <paramref name="country"/> (IOM and ILO, 1,000,000 USD over 24 months).</summary>
    public static JsonObject CompleteNote(string country = "MEX", string title = "Safe labour migration corridors") => new()
    {
        ["title"] = title,
        ["summary"] = "Fair recruitment and decent work for migrant workers along the main labour corridors.",
        ["country"] = country,
        ["otherCountries"] = new JsonArray(),
        ["thematicAreaNumber"] = 4,
        ["gcmObjectives"] = new JsonArray(5, 6),
        ["guidingPrinciples"] = new JsonArray(1, 4),
        ["budget"] = new JsonArray(
            new JsonObject { ["organization"] = "IOM", ["amountUsd"] = 600_000.00m },
            new JsonObject { ["organization"] = "ILO", ["amountUsd"] = 400_000.00m }),
        ["totalRequestedUsd"] = 1_000_000.00m,
        ["durationMonths"] = 24,
        ["partners"] = new JsonArray(
            new JsonObject { ["name"] = "Ministry of Labour", ["kind"] = "GovernmentInstitution" },
            new JsonObject { ["name"] = "Migrant workers' association", ["kind"] = "MigrantOrDiasporaOrganization" }),
        ["markers"] = new JsonObject { ["gender"] = 2, ["humanRights"] = 2, ["childSensitivity"] = 1 },
        ["contact"] = new JsonObject { ["name"] = "Carlos Herrera", ["email"] = "c.herrera@example.gob.mx", ["position"] = "Director of migration policy" },
        ["endorsement"] = new JsonObject { ["endorsedBy"] = "Vice-Minister for Foreign Affairs", ["endorsedOn"] = "2026-01-15" },
    };

    /// <summary>The smallest draft the API accepts: a title and a country.</summary>
    public static JsonObject MinimalDraft(string country = "MEX") => new() { ["title"] = "A draft in progress", ["country"] = country };

    public static JsonObject With(this JsonObject note, string field, JsonNode? value)
    {
        var copy = (JsonObject)note.DeepClone();
        copy[field] = value;
        return copy;
    }

    public static Task<HttpResponseMessage> CreateNoteAsync(this HttpClient client, JsonObject note) =>
        client.PostAsync("/api/concept-notes", HttpAssert.JsonBody(note.ToJsonString()), Ct);

    public static async Task<Guid> CreatedNoteAsync(this HttpClient client, JsonObject? note = null)
    {
        var created = await HttpAssert.OkJsonAsync(await client.CreateNoteAsync(note ?? CompleteNote()),
            System.Net.HttpStatusCode.Created);
        return created.GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> NoteActAsync(this HttpClient client, Guid note, string action,
        string? comment = null, Guid? workflowVersion = null) =>
        client.PostAsJsonAsync($"/api/concept-notes/{note}/actions/{action}", new { comment, version = workflowVersion }, Ct);

    public static async Task<JsonElement> NoteStepsAsync(this HttpClient client, Guid note, params string[] actions)
    {
        JsonElement last = default;
        foreach (var action in actions)
            last = await HttpAssert.OkJsonAsync(await client.NoteActAsync(note, action, comment: $"{action}: reasons given"));
        return last;
    }

    public static Task<HttpResponseMessage> GetNoteResponseAsync(this HttpClient client, Guid note) =>
        client.GetAsync($"/api/concept-notes/{note}", Ct);

    public static async Task<JsonElement> GetNoteAsync(this HttpClient client, Guid note) =>
        await HttpAssert.OkJsonAsync(await client.GetNoteResponseAsync(note));

    public static Task<HttpResponseMessage> UpdateNoteAsync(this HttpClient client, Guid note, JsonObject content) =>
        client.PutAsync($"/api/concept-notes/{note}", HttpAssert.JsonBody(content.ToJsonString()), Ct);

    /// <summary>Records every checklist item as passed (or the named ones as failed) as the FMU.</summary>
    public static Task<HttpResponseMessage> ScreenAsync(this HttpClient fmu, Guid note, params string[] failed) =>
        fmu.PutAsJsonAsync($"/api/concept-notes/{note}/screening", new
        {
            findings = new[] { "Complete", "WithinCeilings", "AtLeastTwoOrganizations", "MarkersScored", "EndorsedByGovernment" }
                .Select(item => new { item, passed = !failed.Contains(item), comment = failed.Contains(item) ? $"{item} is not met" : null }),
        }, Ct);

    public static string Status(this JsonElement note) => note.GetProperty("status").GetProperty("name").GetString()!;

    public static IReadOnlyList<string> ActionNames(this JsonElement note) =>
        note.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetProperty("name").GetString()!).ToList();
}
