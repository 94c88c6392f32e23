using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Api.Tests.Committee;
using TrustFundManager.Api.Tests.ConceptNotes;
using TrustFundManager.Api.Tests.Funding;
using TrustFundManager.Domain.Results;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Results;

/// <summary>
/// The committee seated and two active Ghanaian programmes approved by one ballot: one of UNICEF and IOM (both have
/// demo users, so one organization can try to read the other's reports) and one of UNICEF and ILO.
/// </summary>
public sealed class ResultsHost : IAsyncLifetime
{
    public SqliteApiFactory Api { get; } = new();
    public Guid WithIom { get; private set; }
    public Guid WithIlo { get; private set; }

    /// <summary>The day both programmes were allocated and begun.</summary>
    public DateOnly Start { get; private set; }

    /// <summary>Moves the clock on to <paramref name="day"/> unless it is there already (tests of a class share the clock).</summary>
    public void MoveTo(DateOnly day)
    {
        var days = day.DayNumber - Api.Today().DayNumber;
        if (days > 0) Api.Clock.Advance(TimeSpan.FromDays(days));
    }

    public async ValueTask InitializeAsync()
    {
        await Api.AppointCommitteeAsync();
        Start = Api.Today();
        var programmes = await Api.ActiveProgrammesAsync(["UNICEF", "IOM"], ["UNICEF", "ILO"]);
        (WithIom, WithIlo) = (programmes[0], programmes[1]);
    }

    public ValueTask DisposeAsync() => Api.DisposeAsync();
}

/// <summary>Rows of every results table and of the workflows, to show a refused request wrote none.</summary>
public sealed record ResultsRows(int Matrices, int Outcomes, int Outputs, int Indicators, int Reports, int Values,
    int Instances, int Journal, int Tasks);

/// <summary>Active programmes, matrices and progress reports built through the API.</summary>
internal static class ResultsTestSupport
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<ResultsRows> ResultsRowsAsync(this TrustFundApiFactory api) =>
        api.WithDbAsync(async db => new ResultsRows(await db.ResultsMatrices.CountAsync(Ct), await db.Set<Outcome>().CountAsync(Ct),
            await db.Set<Output>().CountAsync(Ct), await db.Indicators.CountAsync(Ct), await db.ProgressReports.CountAsync(Ct),
            await db.ReportedValues.CountAsync(Ct), await db.WorkflowInstances.CountAsync(Ct), await db.WorkflowJournal.CountAsync(Ct),
            await db.WorkflowTasks.CountAsync(Ct)));

    /// <summary>
    /// Active Ghanaian programmes, one for each set of organizations, their notes approved by one ballot; each funded,
    /// given its first tranches and begun.
    /// </summary>
    public static async Task<Guid[]> ActiveProgrammesAsync(this TrustFundApiFactory api, params string[][] organizations)
    {
        var notes = await api.ApprovedNotesAsync(organizations.Select(o => ConceptNoteTestSupport.CompleteNote("GHA",
                $"Protection of migrants with {string.Join(" and ", o)} ({Guid.NewGuid().ToString("N")[..8]})")
            .With("budget", new JsonArray(o.Select(name => (JsonNode)new JsonObject
            {
                ["organization"] = name, ["amountUsd"] = 1_000_000.00m / o.Length,
            }).ToArray()))).ToArray());
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var programmes = new List<Guid>();
        foreach (var (note, names) in notes.Zip(organizations))
        {
            await api.FundedAsync(500m * names.Length);
            var programme = (await HttpAssert.OkJsonAsync(await fmu.AllocateAsync(note,
                FundingTestSupport.Budget(names.Select(n => (n, 500m)).ToArray())), HttpStatusCode.Created)).Id();
            foreach (var name in names)
                await HttpAssert.OkJsonAsync(await fmu.TransferAsync(programme, name, 250m, api.Today()), HttpStatusCode.Created);
            await HttpAssert.OkJsonAsync(await fmu.ProgrammeActAsync(programme, "beginImplementation"));
            programmes.Add(programme);
        }
        return programmes.ToArray();
    }

    /// <summary>The caller's open tasks.</summary>
    public static async Task<List<JsonElement>> TasksAsync(this HttpClient client) =>
        (await HttpAssert.OkJsonAsync(await client.GetAsync("/api/tasks/mine?pageSize=100", Ct))).GetProperty("items")
        .EnumerateArray().ToList();

    /// <summary>A report opened and given <paramref name="values"/>; returns its latest body.</summary>
    public static async Task<JsonElement> OpenedReportAsync(this HttpClient organization, Guid programme, DateOnly start,
        DateOnly end, params object[] values)
    {
        var report = await HttpAssert.OkJsonAsync(await organization.OpenReportAsync(programme, start, end), HttpStatusCode.Created);
        return values.Length == 0
            ? report
            : await HttpAssert.OkJsonAsync(await organization.PutValuesAsync(report.Id(), report.Version(), values));
    }

    /// <summary>An active programme of UNICEF and ILO: funded, first tranches transferred, implementation begun.</summary>
    public static async Task<Guid> ActiveProgrammeAsync(this TrustFundApiFactory api)
    {
        var note = (await api.ApprovedNotesAsync(1)).Single();
        var programme = (await api.ProgrammeAsync(note)).Id();
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        await HttpAssert.OkJsonAsync(await fmu.TransferAsync(programme, "UNICEF", 250m, api.Today()), HttpStatusCode.Created);
        await HttpAssert.OkJsonAsync(await fmu.TransferAsync(programme, "ILO", 250m, api.Today()), HttpStatusCode.Created);
        await HttpAssert.OkJsonAsync(await fmu.ProgrammeActAsync(programme, "beginImplementation"));
        return programme;
    }

    public static object Indicator(string name, object baseline, object target, DateOnly baselineDate, DateOnly targetDate,
        string organization = "UNICEF", string kind = "Quantitative", string? unit = "people", bool bySex = false,
        bool byAge = false, Guid? id = null) =>
        new
        {
            id, name, kind, unit, baseline, baselineDate, target, targetDate, bySex, byAge,
            meansOfVerification = "Programme records, verified by the FMU", organization,
        };

    /// <summary>One outcome (area 2, objectives 7 and 12) with an outcome indicator and one output with an indicator.</summary>
    public static object Matrix(Guid? version, DateOnly baselineDate, DateOnly targetDate, object? outcomeIndicator = null,
        object? outputIndicator = null) =>
        new
        {
            version,
            outcomes = new[]
            {
                new
                {
                    statement = "Migrants in vulnerable situations are protected and assisted",
                    thematicAreaNumber = 2,
                    gcmObjectives = new[] { 7, 12 },
                    indicators = new[]
                    {
                        outcomeIndicator ?? Indicator("Migrants referred to protection services", 0m, 1000m, baselineDate,
                            targetDate, bySex: true),
                    },
                    outputs = new[]
                    {
                        new
                        {
                            statement = "Case workers are trained in screening and referral",
                            indicators = new[]
                            {
                                outputIndicator ?? Indicator("Referral procedure adopted", "No procedure", "Adopted nationally",
                                    baselineDate, targetDate, organization: "ILO", kind: "Qualitative", unit: null),
                            },
                        },
                    },
                },
            },
        };

    public static Task<HttpResponseMessage> PutMatrixAsync(this HttpClient client, Guid programme, object matrix) =>
        client.PutAsJsonAsync($"/api/joint-programmes/{programme}/results", matrix, Ct);

    public static async Task<JsonElement> GetMatrixAsync(this HttpClient client, Guid programme) =>
        await HttpAssert.OkJsonAsync(await client.GetAsync($"/api/joint-programmes/{programme}/results", Ct));

    public static Task<HttpResponseMessage> OpenReportAsync(this HttpClient organization, Guid programme, DateOnly start,
        DateOnly end) =>
        organization.PostAsJsonAsync($"/api/joint-programmes/{programme}/progress-reports",
            new { periodStart = start, periodEnd = end }, Ct);

    public static Task<HttpResponseMessage> PutValuesAsync(this HttpClient organization, Guid report, Guid version,
        params object[] values) =>
        organization.PutAsJsonAsync($"/api/progress-reports/{report}/values", new { version, values }, Ct);

    public static Task<HttpResponseMessage> ReportActAsync(this HttpClient client, Guid report, string action,
        string? comment = null) =>
        client.PostAsJsonAsync($"/api/progress-reports/{report}/actions/{action}", new { comment }, Ct);

    public static async Task<JsonElement> GetReportAsync(this HttpClient client, Guid report) =>
        await HttpAssert.OkJsonAsync(await client.GetAsync($"/api/progress-reports/{report}", Ct));

    /// <summary>Every indicator of a matrix response, outcome indicators and output indicators alike.</summary>
    public static IEnumerable<JsonElement> AllIndicators(this JsonElement matrix) =>
        matrix.GetProperty("outcomes").EnumerateArray().SelectMany(o => o.GetProperty("indicators").EnumerateArray()
            .Concat(o.GetProperty("outputs").EnumerateArray().SelectMany(p => p.GetProperty("indicators").EnumerateArray())));

    public static Guid Version(this JsonElement element) => element.GetProperty("version").GetGuid();
}
