namespace TrustFundManager.Benchmarks.Http;

/// <summary>One scenario at one number of concurrent clients, measured over loopback HTTP against the running API.</summary>
public sealed record LoadFigure(
    string Scenario, int Clients, int Requests, int Failures, double RequestsPerSecond, double P50Ms, double P95Ms, double P99Ms);

/// <summary>Concept notes taken from draft to funded joint programme through the API, one after another.</summary>
public sealed record PipelineFigure(int Notes, TimeSpan Elapsed)
{
    public double NotesPerSecond => Notes / Elapsed.TotalSeconds;
}

/// <param name="LimitsRun">How long the rate limiter is watched (<see cref="RateLimitMeasurement"/>); null: not measured.</param>
public sealed record HttpMeasurementOptions(
    IReadOnlyList<int> ClientCounts, TimeSpan BudgetPerRun, int MaxRequestsPerRun, int PipelineNotes, TimeSpan? LimitsRun = null);

public sealed record HttpFigures(IReadOnlyList<LoadFigure> Load, PipelineFigure Pipeline, LimitFigures? Limits = null);

/// <summary>
/// Starts the API on an existing SQLite database and measures it over loopback. Scenario names:
/// <see cref="Scenarios"/>; the direct DbContext measurements use the same names so that the report pairs them.
/// </summary>
public static partial class HttpMeasurements
{
    public const string ListPage = "list page";
    public const string GetOne = "get one";
    public const string FundingStatus = "funding status";
    public const string Pipeline = "pipeline";
    public const string Submit = "submit";
    public const string Vote = "vote";

    /// <summary>The FMU's home page: its inbox and the fund's dashboard.</summary>
    public const string FmuHomePage = "FMU home page";

    /// <summary>A government's home page: its inbox and its notes by state.</summary>
    public const string GovernmentHomePage = "government home page";

    /// <summary>A concept note's page, read by the FMU.</summary>
    public const string NotePage = "note page";

    public static readonly IReadOnlyList<string> Scenarios =
        [ListPage, GetOne, FundingStatus, Pipeline, Submit, Vote, FmuHomePage, GovernmentHomePage, NotePage];

    /// <summary>The pages, whose target is their server time at 10k notes and 16 clients.</summary>
    public static readonly IReadOnlyList<string> Pages = [FmuHomePage, GovernmentHomePage, NotePage];
}
