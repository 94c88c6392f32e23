using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TrustFundManager.Domain.Funding;
using TrustFundManager.Domain.ReferenceData;

namespace TrustFundManager.Infrastructure.Funding;

/// <summary>
/// One row whose version changes, in the same transaction, with every saved change to what the funding status reads:
/// money (contributions, deposits, programmes and their budget lines, transfers, expenditure), targets, and the names
/// and regions the breakdowns show. A funding status computed while the version stood still is therefore the status
/// of that version, on SQLite and SQL Server alike (<see cref="FundingStatusCache"/>).
/// </summary>
public sealed class MoneyVersion
{
    public const int SingletonId = 1;

    private MoneyVersion()
    {
    }

    public int Id { get; private set; } = SingletonId;

    public Guid Version { get; private set; }

    internal static MoneyVersion Initial => new() { Version = Guid.Empty };

    /// <summary>What the funding status is computed from; a change to any of these changes the version.</summary>
    internal static readonly IReadOnlySet<Type> FundingStatusSources = new HashSet<Type>
    {
        typeof(Contribution), typeof(Deposit), typeof(JointProgramme), typeof(ProgrammeBudgetLine), typeof(Transfer),
        typeof(AnnualExpenditure), typeof(FundingTarget), typeof(Donor), typeof(ThematicArea), typeof(Country),
        typeof(Organization),
    };

    /// <summary>False only for the model of the migrations before the money version (a migration test's).</summary>
    internal static bool IsInModelOf(DbContext context) => context.Model.FindEntityType(typeof(MoneyVersion)) is not null;

    /// <summary>
    /// Marks the row changed in <paramref name="context"/> without reading it: the update is a plain
    /// <c>UPDATE ... SET Version = @new WHERE Id = 1</c> in the save's own transaction, so concurrent money writes queue on
    /// this row and each leaves a version of its own.
    /// </summary>
    internal static void Bump(DbContext context)
    {
        var row = context.Set<MoneyVersion>().Local.FirstOrDefault(v => v.Id == SingletonId);
        if (row is null)
        {
            row = new MoneyVersion();
            context.Attach(row);
        }
        row.Version = Guid.NewGuid();
        context.Entry(row).Property(v => v.Version).IsModified = true;
    }
}

/// <summary>
/// Changes the <see cref="MoneyVersion"/> in every save that adds, changes or removes what the funding status reads.
/// Registered after the audit interceptor, so the version row itself is not journalled: it is a cache key, not a record.
/// </summary>
public sealed class MoneyVersionInterceptor : SaveChangesInterceptor
{
    public static readonly MoneyVersionInterceptor Instance = new();

    private MoneyVersionInterceptor()
    {
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && ChangesMoney(context)) MoneyVersion.Bump(context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && ChangesMoney(context)) MoneyVersion.Bump(context);
        return ValueTask.FromResult(result);
    }

    private static bool ChangesMoney(DbContext context)
    {
        if (!MoneyVersion.IsInModelOf(context)) return false;
        context.ChangeTracker.DetectChanges();
        return context.ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && MoneyVersion.FundingStatusSources.Contains(e.Metadata.ClrType));
    }
}
