using System.Reflection;

namespace TrustFundManager.Api.Tests.GeneratedClient;

/// <summary>
/// An integrator's first session through a client NSwag generated from the document, compiled and used unedited:
/// the FMU lists and reads notes and the funding status, a government starts a draft, and the errors arrive as
/// typed problem details. The client's types come from the generated assembly, so the test drives them through
/// <c>dynamic</c>.
/// </summary>
public sealed class GeneratedClientTests(GeneratedClientFixture fixture) : IClassFixture<GeneratedClientFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<dynamic> ClientAsAsync(string user) =>
        Activator.CreateInstance(Type(ClientGenerator.ClassName), await fixture.Api.CreateClientAsAsync(user))!;

    private Type Type(string name) =>
        fixture.Client.GetType($"{ClientGenerator.Namespace}.{name}", throwOnError: true)!;

    private dynamic New(string name) => Activator.CreateInstance(Type(name))!;

    /// <summary>The typed problem a call threw: <c>ApiException&lt;<paramref name="problemType"/>&gt;</c>, its status checked.</summary>
    private static async Task<dynamic> ProblemAsync(Func<Task> call, string problemType, int status)
    {
        var thrown = await Assert.ThrowsAnyAsync<Exception>(call);
        var type = thrown.GetType();
        Assert.True(type.IsGenericType && type.Name == "ApiException`1" && type.GetGenericArguments()[0].Name == problemType,
            $"Expected ApiException<{problemType}>, got {type}: {thrown.Message}");
        dynamic exception = thrown;
        Assert.Equal(status, (int)exception.StatusCode);
        dynamic problem = exception.Result;
        Assert.Equal(status, (int?)problem.Status);
        return problem;
    }

    [Fact]
    public async Task An_integrator_reads_notes_and_funding_starts_a_draft_and_reads_errors_as_typed_problems()
    {
        // The FMU lists the notes, reads one, and reads the fund's status.
        var fmu = await ClientAsAsync("fmu.officer");
        var page = await fmu.ListConceptNotesAsync(pageSize: 5, cancellationToken: Ct);
        Assert.Equal(1, (int)page.Page);
        Assert.True((int)page.TotalCount > 5, "The demo fund has notes on more than one page.");
        var first = Enumerable.First(page.Items);
        var note = await fmu.GetConceptNoteAsync(first.Id, Ct);
        Assert.Equal((Guid)first.Id, (Guid)note.Id);
        Assert.Equal((string)first.Title, (string)note.Title);
        Assert.NotEmpty((string)note.Status.Name);

        var status = await fmu.GetFundingStatusAsync(cancellationToken: Ct);
        Assert.IsType<decimal>(status.DepositedUsd); // money stays exact in the client
        Assert.True(status.DepositedUsd > 0m, "The demo donors have paid.");
        Assert.Equal(DateTimeOffset.UtcNow.Date, ((DateTimeOffset)status.AsOf).Date);

        // A government starts a draft for its own country. The client writes the request's other fields as null, and
        // nothing else: the API refuses a field it does not know.
        var government = await ClientAsAsync("gov.mex");
        var request = New("ConceptNoteRequest");
        request.Title = "Labour migration corridors, first draft";
        request.Country = "MEX";
        var draft = await government.CreateConceptNoteAsync(request, Ct);
        Assert.Equal("MEX", (string)draft.Country);
        Assert.Equal("draft", (string)draft.Status.Name);

        // An id that is no note is a 404 problem.
        var notFound = await ProblemAsync(() => fmu.GetConceptNoteAsync(Guid.NewGuid(), Ct), "ProblemDetails", 404);
        Assert.Equal("Not Found", (string)notFound.Title);

        // An edit on a version someone else has replaced is a 409 that names the version.
        request.Version = draft.Version;
        request.Summary = "Fair recruitment along the main corridors.";
        await government.UpdateConceptNoteAsync(draft.Id, request, Ct);
        request.Summary = "An edit made on what was read before the first one.";
        var stale = await ProblemAsync(() => government.UpdateConceptNoteAsync(draft.Id, request, Ct),
            "HttpValidationProblemDetails", 409);
        Assert.Equal("Conflict", (string)stale.Title);
        var errors = (IDictionary<string, ICollection<string>>)stale.Errors;
        Assert.Contains("version", errors.Keys);
        var kept = await government.GetConceptNoteAsync(draft.Id, Ct);
        Assert.Equal("Fair recruitment along the main corridors.", (string)kept.Summary);
    }
}
