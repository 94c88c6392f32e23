using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFundManager.Domain.Access;
using TrustFundManager.Domain.Committee;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Domain.Funding;
using TrustFundManager.Domain.ReferenceData;
using TrustFundManager.Infrastructure.Auditing;
using TrustFundManager.Infrastructure.Committee;
using TrustFundManager.Infrastructure.ConceptNotes;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Infrastructure.Funding;
using TrustFundManager.Infrastructure.Seeding;
using TrustFundManager.Workflows;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Benchmarks.Generation;

public sealed record TableCount(string Table, long Rows);

public sealed record GenerationResult(int Scale, string DatabasePath, TimeSpan Elapsed, bool Reused, IReadOnlyList<TableCount> Rows);

/// <summary>
/// Fills a fresh database with a portfolio of <c>scale</c> concept notes: every note is drafted with the domain's
/// factory and taken along its path by the application's workflow engine (so its journal, versions, tasks and screening
/// rounds are what real use leaves), decided on written-procedure ballots of the twelve members, funded from one
/// contribution per note, and the funded programmes get transfers, expenditure, a results matrix and progress reports.
/// Notes are processed in batches of <see cref="BatchSize"/>, one transaction each: the change tracker's rows are written
/// once per phase of a batch by the <see cref="TrackedChangesWriter"/> (the application's audit entries included), and the
/// tracker is cleared after the batch. The same scale gives the same portfolio (fixed seed;
/// dates are relative to the day of generation).
/// </summary>
public sealed partial class ScaleGenerator
{
    public const int BatchSize = 100;
    private const int ProgressEvery = 5_000;
    private const int Seed = 20190508;
    private static readonly WorkflowActor FundManager = DemoDataSeeder.FundManager;

    /// <summary>Per 100 notes, the state each ends in (as in the fund's first calls: most never reach the committee).</summary>
    private static readonly (string State, int Share)[] StateShares =
    [
        ("draft", 10), ("submitted", 8), ("screening", 8), ("returnedForRevision", 8), ("ineligible", 6),
        ("underCommitteeReview", 10), ("approvedInPipeline", 18), ("rejected", 8), ("deferred", 6), ("withdrawn", 8),
        ("funded", 10),
    ];

    /// <summary>The development governments: each gets one note in every state, so signing in as one shows them all.</summary>
    private static readonly string[] DevelopmentGovernments = ["MEX", "PHL", "GHA"];

    private readonly int _scale;
    private readonly TextWriter _log;
    private readonly Random _random = new(Seed);
    private readonly SteppingClock _clock;
    private readonly DateTimeOffset _now;
    private TrackedChangesWriter? _writer;

    public ScaleGenerator(int scale, TextWriter log)
    {
        _scale = scale;
        _log = log;
        _now = new DateTimeOffset(DateTime.UtcNow.Date.AddHours(12), TimeSpan.Zero);
        _clock = new SteppingClock(_now);
    }

    public async Task<GenerationResult> GenerateAsync(string databasePath, CancellationToken ct)
    {
        foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
            File.Delete(file);
        var stopwatch = Stopwatch.StartNew();
        await using (var services = BenchmarkServices.Create(databasePath, _clock))
        {
            await BenchmarkServices.InitializeAsync(services, ct);
            await using var scope = services.CreateAsyncScope();
            var provider = scope.ServiceProvider;
            var db = provider.GetRequiredService<TrustFundDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await OpenForBulkWritingAsync(db, ct);
            using var writer = _writer = new TrackedChangesWriter(db, provider.GetRequiredService<AuditInterceptor>());
            var context = await LoadContextAsync(provider, db, ct);

            await InTransactionAsync(db, async () =>
            {
                await SeedCommitteeAsync(db, ct);
                await SeedContributionsAsync(db, context, ct);
            }, ct);
            _log.WriteLine($"  {_scale:N0} contributions ({stopwatch.Elapsed.TotalSeconds:N0} s)");
            var plan = Plan(context).ToList();
            for (var start = 0; start < plan.Count; start += BatchSize)
            {
                var batch = plan.Skip(start).Take(BatchSize).ToList();
                await InTransactionAsync(db, () => SeedBatchAsync(provider, db, context, batch, ct), ct);
                if ((start + BatchSize) % ProgressEvery != 0 && start + BatchSize < plan.Count) continue;
                _log.WriteLine($"  {Math.Min(start + BatchSize, plan.Count),7:N0} of {plan.Count:N0} notes ({stopwatch.Elapsed.TotalSeconds:N0} s)");
            }
            await CheckAndStampAsync(db, plan, ct);
            _log.WriteLine($"  checked ({stopwatch.Elapsed.TotalSeconds:N0} s)");
        }

        stopwatch.Stop();
        return new GenerationResult(_scale, databasePath, stopwatch.Elapsed, Reused: false, await CountRowsAsync(databasePath, ct));
    }

    /// <summary>Whether the database at <paramref name="path"/> was completed by this generator at this scale.</summary>
    public static Task<bool> IsReusableAsync(string path, int scale, CancellationToken ct) =>
        GenerationStamp.MatchesAsync(path, scale, ct);

    private async Task CheckAndStampAsync(TrustFundDbContext db, IReadOnlyList<(Country Country, string Target)> plan,
        CancellationToken ct)
    {
        var planned = plan.GroupBy(p => p.Target).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var problems = await GenerationCheck.RunAsync(db, _scale, planned, ct);
        if (problems.Count > 0)
            throw new InvalidOperationException($"The generated database is wrong: {string.Join("; ", problems)}");
        await GenerationStamp.WriteAsync((SqliteConnection)db.Database.GetDbConnection(), _scale, _now, ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
    }

    /// <summary>
    /// The generator's own connection, kept open: no waiting for the disk at each commit and a large page cache. Both are
    /// settings of this connection only; the file stays the WAL database the initializer made.
    /// </summary>
    private static async Task OpenForBulkWritingAsync(TrustFundDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;", ct);
    }

    /// <summary>One transaction per batch; its foreign keys are checked at the commit, as the writer follows no dependency order.</summary>
    private static async Task InTransactionAsync(TrustFundDbContext db, Func<Task> work, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA defer_foreign_keys = ON;", ct);
        await work();
        await transaction.CommitAsync(ct);
    }

    /// <summary>Row counts of every table of the database, largest first.</summary>
    public static async Task<IReadOnlyList<TableCount>> CountRowsAsync(string databasePath, CancellationToken ct)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        await connection.OpenAsync(ct);
        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_\\_%' ESCAPE '\\'";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) tables.Add(reader.GetString(0));
        }

        var counts = new List<TableCount>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts.Add(new TableCount(table, (long)(await command.ExecuteScalarAsync(ct))!));
        }
        return counts.Where(c => c.Rows > 0).OrderByDescending(c => c.Rows).ThenBy(c => c.Table, StringComparer.Ordinal).ToList();
    }

    private sealed record GenerationContext(
        ConceptNoteRules Rules,
        FundSettings Settings,
        IReadOnlyDictionary<string, Country> Countries,
        DemoPortfolio Portfolio,
        IReadOnlySet<int> Areas,
        IReadOnlySet<int> Objectives,
        WorkflowEngine Engine,
        CommitteeBallots Ballots)
    {
        public FreeBalance Free { get; set; } = new(0m, new Dictionary<int, decimal>());
    }

    private async Task<GenerationContext> LoadContextAsync(IServiceProvider provider, TrustFundDbContext db, CancellationToken ct)
    {
        var rules = await provider.GetRequiredService<ConceptNoteRulesReader>().ReadAsync(ct);
        var countries = await db.Countries.AsNoTracking().Where(c => c.Region != null).ToDictionaryAsync(c => c.Alpha3, ct);
        var objectives = await db.GcmObjectives.AsNoTracking().ToListAsync(ct);
        return new GenerationContext(rules, await db.FundSettings.AsNoTracking().SingleAsync(ct), countries,
            new DemoPortfolio(_random, rules, countries, objectives.ToLookup(o => o.ThematicAreaNumber, o => o.Number)),
            await db.ThematicAreas.Select(a => a.Number).ToHashSetAsync(ct), objectives.Select(o => o.Number).ToHashSet(),
            provider.GetRequiredService<WorkflowEngine>(), provider.GetRequiredService<CommitteeBallots>());
    }

    private async Task SeedCommitteeAsync(TrustFundDbContext db, CancellationToken ct)
    {
        var constituencies = await db.Constituencies.AsNoTracking().ToDictionaryAsync(c => c.Code, ct);
        var termMonths = await db.FundSettings.Select(s => s.CommitteeTermMonths).SingleAsync(ct);
        db.CommitteeMemberships.AddRange(DemoCommittee.Memberships(constituencies, termMonths, Day(_now), _now));
        Save();
    }

    /// <summary>Which country each note comes from and the state it ends in, shuffled; the development governments first.</summary>
    private IEnumerable<(Country Country, string Target)> Plan(GenerationContext context)
    {
        var targets = StateShares
            .SelectMany(s => Enumerable.Repeat(s.State, (int)Math.Round(_scale * s.Share / 100.0)))
            .ToList();
        while (targets.Count < _scale) targets.Add("draft");
        if (targets.Count > _scale) targets.RemoveRange(_scale, targets.Count - _scale);

        foreach (var code in DevelopmentGovernments)
            foreach (var (state, _) in StateShares)
                if (targets.Remove(state))
                    yield return (context.Countries[code], state);

        var countries = context.Countries.Values.OrderBy(c => c.Alpha3, StringComparer.Ordinal).ToList();
        foreach (var target in targets.OrderBy(_ => _random.Next()).ToList())
            yield return (countries[_random.Next(countries.Count)], target);
    }

    private void Save() => _writer!.Save();

    private static DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);
}
