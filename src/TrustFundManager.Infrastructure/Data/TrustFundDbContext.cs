using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TrustFundManager.Domain.Auditing;
using TrustFundManager.Domain.Committee;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Domain.Funding;
using TrustFundManager.Domain.ReferenceData;
using TrustFundManager.Domain.Results;
using TrustFundManager.Infrastructure.Funding;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Infrastructure.Data;

/// <summary>The one unit of work of the application, over SQLite or SQL Server.</summary>
public sealed class TrustFundDbContext(DbContextOptions<TrustFundDbContext> options) : DbContext(options)
{
    public DbSet<ThematicArea> ThematicAreas => Set<ThematicArea>();
    public DbSet<GcmObjective> GcmObjectives => Set<GcmObjective>();
    public DbSet<GuidingPrinciple> GuidingPrinciples => Set<GuidingPrinciple>();
    public DbSet<Constituency> Constituencies => Set<Constituency>();
    public DbSet<Country> Countries => Set<Country>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<FundSettings> FundSettings => Set<FundSettings>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<StoredWorkflowDefinition> WorkflowDefinitions => Set<StoredWorkflowDefinition>();
    public DbSet<WorkflowInstance> WorkflowInstances => Set<WorkflowInstance>();
    public DbSet<WorkflowJournalEntry> WorkflowJournal => Set<WorkflowJournalEntry>();
    public DbSet<WorkflowTask> WorkflowTasks => Set<WorkflowTask>();
    public DbSet<WorkflowTimer> WorkflowTimers => Set<WorkflowTimer>();
    public DbSet<ConceptNote> ConceptNotes => Set<ConceptNote>();
    public DbSet<ConceptNoteVersion> ConceptNoteVersions => Set<ConceptNoteVersion>();
    public DbSet<CommitteeMembership> CommitteeMemberships => Set<CommitteeMembership>();
    public DbSet<Ballot> Ballots => Set<Ballot>();
    public DbSet<CommitteeDecision> CommitteeDecisions => Set<CommitteeDecision>();
    public DbSet<Donor> Donors => Set<Donor>();
    public DbSet<Contribution> Contributions => Set<Contribution>();
    public DbSet<Deposit> Deposits => Set<Deposit>();
    public DbSet<FundingTarget> FundingTargets => Set<FundingTarget>();
    public DbSet<JointProgramme> JointProgrammes => Set<JointProgramme>();
    public DbSet<Transfer> Transfers => Set<Transfer>();
    public DbSet<AnnualExpenditure> AnnualExpenditures => Set<AnnualExpenditure>();
    public DbSet<FundLedger> FundLedger => Set<FundLedger>();
    public DbSet<ResultsMatrix> ResultsMatrices => Set<ResultsMatrix>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<ProgressReport> ProgressReports => Set<ProgressReport>();
    public DbSet<ReportedValue> ReportedValues => Set<ReportedValue>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TrustFundDbContext).Assembly);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WorkflowInstance).Assembly);
        if (options.FindExtension<TextMoneyOnSqliteExtension>() is not null)
            modelBuilder.Ignore<MoneyVersion>(); // the model of the migrations before integer money had no money version
        else if (Database.ProviderName == DatabaseProviders.SqliteProviderName)
            MoneyStorage.StoreMoneyAsIntegers(modelBuilder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<decimal>().HavePrecision(MoneyStorage.Precision, MoneyStorage.Scale);
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);

        // SQLite has no date-time-with-offset type: stored as text, such values cannot be compared or
        // ordered in SQL. Instants are always UTC here, so a sortable 64-bit number loses nothing.
        if (Database.ProviderName == DatabaseProviders.SqliteProviderName)
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
