using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TrustFundManager.Api.Tests.Committee;
using TrustFundManager.Api.Tests.Funding;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Results;

/// <summary>Active programmes, matrices and progress reports built through the API.</summary>
internal static class ResultsTestSupport
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

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
