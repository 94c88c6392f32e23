using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrustFundManager.Infrastructure.Auditing;
using TrustFundManager.Infrastructure.Committee;
using TrustFundManager.Infrastructure.Funding;
using TrustFundManager.Infrastructure.ConceptNotes;
using TrustFundManager.Infrastructure.Iati;
using TrustFundManager.Infrastructure.Seeding;
using TrustFundManager.Infrastructure.Results;
using TrustFundManager.Infrastructure.Workflows;
using TrustFundManager.Workflows;

namespace TrustFundManager.Infrastructure.Data;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers the DbContext on the provider named by <c>Database:Provider</c>, with the audit interceptor,
    /// the seeders and the start-up initializer.
    /// </summary>
    public static IServiceCollection AddTrustFundDatabase(this IServiceCollection services,
        IConfiguration configuration, string contentRootPath)
    {
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        var provider = options.Provider;
        var resolvedConnectionString = provider switch
        {
            _ when provider.Equals(DatabaseProviders.Sqlite, StringComparison.OrdinalIgnoreCase) =>
                ResolveSqliteFile(string.IsNullOrWhiteSpace(connectionString)
                    ? DatabaseOptions.DefaultSqliteConnectionString
                    : connectionString, contentRootPath),
            _ when provider.Equals(DatabaseProviders.SqlServer, StringComparison.OrdinalIgnoreCase) =>
                string.IsNullOrWhiteSpace(connectionString)
                    ? throw new InvalidOperationException(
                        $"Database:Provider is SqlServer but ConnectionStrings:{DatabaseOptions.ConnectionStringName} is not set.")
                    : connectionString,
            _ => throw new InvalidOperationException(
                $"Database:Provider '{provider}' is not supported: use '{DatabaseProviders.Sqlite}' or '{DatabaseProviders.SqlServer}'."),
        };

        services.AddSingleton(options);
        services.AddScoped<AuditInterceptor>();
        services.AddDbContext<TrustFundDbContext>((serviceProvider, builder) =>
        {
            UseProvider(builder, provider, resolvedConnectionString);
            // The money version after the audit: the version row is a cache key, not a record to journal.
            builder.AddInterceptors(serviceProvider.GetRequiredService<AuditInterceptor>(), MoneyVersionInterceptor.Instance);
        });
        services.AddScoped<IWorkflowDurationSettings, FundSettingDurations>();
        services.AddWorkflows<TrustFundDbContext>(configuration);
        services.AddTrustFundWorkflowContracts();
        services.AddScoped<ConceptNoteRulesReader>();
        services.AddWorkflowGuard<ConceptNoteCompleteGuard>(ConceptNoteWorkflowSteps.Complete);
        services.AddWorkflowGuard<ScreeningChecklistPassedGuard>(ConceptNoteWorkflowSteps.ScreeningPassed);
        services.AddWorkflowEffect<KeepSubmittedVersionEffect>(ConceptNoteWorkflowSteps.KeepSubmittedVersion);
        services.AddWorkflowEffect<CloseScreeningRoundEffect>(ConceptNoteWorkflowSteps.CloseScreeningRound);
        services.AddScoped<CommitteeBallots>();
        services.AddWorkflowDeadline<BallotDeadline>(BallotWorkflowSteps.Deadline);
        services.AddWorkflowAssignees<BallotVoters>(BallotWorkflowSteps.Voters);
        services.AddWorkflowGuard<EveryEligibleMemberVotedGuard>(BallotWorkflowSteps.EveryoneVoted);
        services.AddWorkflowEffect<DecideBallotEffect>(BallotWorkflowSteps.Decide);
        services.AddWorkflowEffect<CancelBallotEffect>(BallotWorkflowSteps.CallOff);
        services.AddScoped<FundingQueries>();
        services.AddSingleton<FundingStatusCache.Store>();
        services.AddScoped<FundingStatusCache>();
        services.AddScoped<FundingPipeline>();
        services.AddScoped<FundAllocations>();
        services.AddWorkflowGuard<FirstTrancheTransferredGuard>(JointProgrammeWorkflowSteps.FirstTrancheTransferred);
        services.AddWorkflowEffect<ReleaseUntransferredAllocationEffect>(JointProgrammeWorkflowSteps.ReleaseUntransferredAllocation);
        services.AddWorkflowGuard<ProgressReportCompleteGuard>(ProgressReportWorkflowSteps.Complete);
        services.AddWorkflowEffect<MarkProgressReportSubmittedEffect>(ProgressReportWorkflowSteps.MarkSubmitted);
        services.AddWorkflowEffect<ReturnProgressReportEffect>(ProgressReportWorkflowSteps.Return);
        services.AddWorkflowEffect<ApproveProgressReportEffect>(ProgressReportWorkflowSteps.Approve);
        services.AddScoped<ResultsQueries>();
        services.AddScoped<IIatiResultsSource, ResultsMatrixIatiSource>();
        services.AddIatiExport(configuration);
        services.AddScoped<ReferenceDataSeeder>();
        services.AddSingleton(configuration.GetSection(SeedOptions.SectionName).Get<SeedOptions>() ?? new SeedOptions());
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<DatabaseInitializer>();
        return services;
    }

    /// <summary>Points <paramref name="builder"/> at a provider, with that provider's migrations assembly.</summary>
    public static DbContextOptionsBuilder UseProvider(DbContextOptionsBuilder builder, string provider,
        string connectionString) =>
        provider.Equals(DatabaseProviders.SqlServer, StringComparison.OrdinalIgnoreCase)
            ? builder.UseSqlServer(connectionString, sql => sql
                .MigrationsAssembly(DatabaseProviders.SqlServerMigrationsAssembly))
            : builder.UseSqlite(connectionString, sqlite => sqlite
                    .MigrationsAssembly(DatabaseProviders.SqliteMigrationsAssembly))
                .AddInterceptors(new SqliteBusyTimeoutInterceptor(
                    TimeSpan.FromSeconds(new SqliteConnectionStringBuilder(connectionString).DefaultTimeout)));

    /// <summary>A relative SQLite file is placed under the content root, and its folder is created.</summary>
    private static string ResolveSqliteFile(string connectionString, string contentRootPath)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is "" or ":memory:" || builder.Mode == SqliteOpenMode.Memory) return connectionString;

        var path = Path.IsPathRooted(builder.DataSource)
            ? builder.DataSource
            : Path.GetFullPath(Path.Combine(contentRootPath, builder.DataSource));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        builder.DataSource = path;
        if (builder.DefaultTimeout < 30) builder.DefaultTimeout = 30;
        return builder.ToString();
    }
}
