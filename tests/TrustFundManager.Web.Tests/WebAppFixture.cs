using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Testing;

namespace TrustFundManager.Web.Tests;

/// <summary>
/// One host and one browser for every browser test: the application (API and pages) on a real Kestrel port over a
/// fresh SQLite database in Development, with a little data, and Debian's Chromium driven by Playwright. Each test
/// opens its own browser context (its own cookies) on it.
/// </summary>
public sealed class WebAppFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _directory = SqliteApiFactory.NewDirectory();
    private IPlaywright? _playwright;

    public WebAppFixture() => Host = new WebHostFactory(_directory);

    public WebHostFactory Host { get; }

    /// <summary>The site's root, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress { get; private set; } = default!;

    public IBrowser? Browser { get; private set; }

    /// <summary>Why the browser tests cannot run here, when they cannot.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>The concept note the fixture submitted as Mexico's government: a task in the FMU's inbox.</summary>
    public const string SubmittedNoteTitle = "Safe labour migration corridors";

    /// <summary>A draft Mexico's government left: a task in its own inbox.</summary>
    public const string DraftNoteTitle = "Returning migrants' skills <and> jobs";

    /// <summary>A complete draft of the Philippines' government, which a test submits from the workflow step page.</summary>
    public const string PhilippinesNoteTitle = "Safe return and reintegration";

    /// <summary>The fund's money, committee, programme and ballots (<see cref="FundSeed"/>).</summary>
    public FundRecords Fund { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        // Chromium starts while the host starts and the data is written.
        var browser = LaunchBrowserAsync();
        Host.UseKestrel(0);
        Host.StartServer();
        var address = Host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)
            .Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        await SeedAsync();
        await browser;
    }

    private async Task LaunchBrowserAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            const string reason = $"Chromium is not installed at {ChromiumPath} (apt-get install chromium; .ci/run does it)";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException(reason + ": under CI the browser tests must run.");
            SkipReason = reason;
            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
        });
    }

    /// <summary>Skips the calling test, with the reason, where there is no browser.</summary>
    public IBrowser RequireBrowser()
    {
        if (SkipReason is not null) Assert.Skip(SkipReason);
        return Browser!;
    }

    private async Task SeedAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        using var government = await Host.CreateClientAsAsync("gov.mex");
        var submitted = await Created(await government.PostAsync("/api/concept-notes",
            HttpAssert.JsonBody(CompleteNote(SubmittedNoteTitle).ToJsonString()), ct));
        (await government.PostAsJsonAsync($"/api/concept-notes/{submitted}/actions/submit", new { }, ct))
            .EnsureSuccessStatusCode();
        await Created(await government.PostAsync("/api/concept-notes",
            HttpAssert.JsonBody(new JsonObject { ["title"] = DraftNoteTitle, ["country"] = "MEX" }.ToJsonString()), ct));

        using var philippines = await Host.CreateClientAsAsync("gov.phl");
        var note = CompleteNote(PhilippinesNoteTitle);
        note["country"] = "PHL";
        await Created(await philippines.PostAsync("/api/concept-notes", HttpAssert.JsonBody(note.ToJsonString()), ct));

        Fund = await FundSeed.WriteAsync(Host);

        static async Task<Guid> Created(HttpResponseMessage response) =>
            (await HttpAssert.OkJsonAsync(response, System.Net.HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    public static JsonObject CompleteNote(string title) => new()
    {
        ["title"] = title,
        ["summary"] = "Fair recruitment and decent work for migrant workers along the main labour corridors.",
        ["country"] = "MEX",
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

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await Host.DisposeAsync();
        SqliteApiFactory.DeleteDirectory(_directory);
    }
}

/// <summary>The application over the SQLite database in a directory of the fixture's.</summary>
public sealed class WebHostFactory(string directory)
    : TrustFundApiFactory(DatabaseProviders.Sqlite, $"Data Source={Path.Combine(directory, "trustfund.db")}");

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebAppFixture>
{
    public const string Name = "Web application in a browser";
}
