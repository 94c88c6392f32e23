using System.Text;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests;

/// <summary>
/// The check every API test's answers pass through (<see cref="OpenApiConformance"/>) refuses what breaks the
/// document: a status, a media type or a body the operation does not document.
/// </summary>
public sealed class OpenApiConformanceTests
{
    private static ReadOnlyMemory<byte> Json(string text) => Encoding.UTF8.GetBytes(text);

    private const string Country = """{"alpha3":"ATA","alpha2":"AQ","name":"Antarctica","region":null}""";

    [Fact]
    public async Task An_answer_the_document_promises_passes()
    {
        var conformance = await OpenApiConformance.SharedAsync();

        Assert.Null(conformance.Check("GET", "/api/countries/ATA", 200, "application/json; charset=utf-8", Json(Country)));
        Assert.Null(conformance.Check("GET", "/api/countries/ZZZ", 404, "application/problem+json",
            Json("""{"title":"Not Found","status":404,"traceId":"00-1","correlationId":"c1"}""")));
        Assert.Null(conformance.Check("DELETE", "/api/countries/ATA", 405, null, ReadOnlyMemory<byte>.Empty)); // no operation
    }

    [Fact]
    public async Task An_undocumented_status_a_foreign_media_type_or_a_body_its_schema_refuses_is_named()
    {
        var conformance = await OpenApiConformance.SharedAsync();

        Assert.Contains("GetCountry answered 418",
            conformance.Check("GET", "/api/countries/ATA", 418, "application/json", ReadOnlyMemory<byte>.Empty));
        Assert.Contains("'text/html'", conformance.Check("GET", "/api/countries/ATA", 200, "text/html", Json("<p>hi</p>")));
        Assert.Contains("/region", conformance.Check("GET", "/api/countries/ATA", 200, "application/json",
            Json(Country.Replace("null", "\"Atlantis\"", StringComparison.Ordinal))));
        Assert.Contains("/surprise", conformance.Check("GET", "/api/countries/ATA", 200, "application/json",
            Json(Country.Replace("}", ""","surprise":1}""", StringComparison.Ordinal))));
        Assert.Contains("/debug", conformance.Check("GET", "/api/countries/ZZZ", 404, "application/problem+json",
            Json("""{"title":"Not Found","status":404,"debug":"stack"}""")));
    }

    [Fact]
    public async Task The_literal_path_wins_over_a_template_that_also_matches()
    {
        var conformance = await OpenApiConformance.SharedAsync();

        // /api/concept-notes/status-counts, not /api/concept-notes/{id}: a list of counts is not a concept note.
        Assert.Contains("CountConceptNotesByStatus",
            conformance.Check("GET", "/api/concept-notes/status-counts", 200, "application/json", Json("""{"nope":1}""")));
    }
}
