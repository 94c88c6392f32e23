using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.ConceptNotes;
using TrustFundManager.Application.Funding;
using TrustFundManager.Benchmarks.Http;
using TrustFundManager.Domain.Access;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Infrastructure.Funding;

namespace TrustFundManager.Benchmarks.Measurements;

/// <summary>
/// The queries the API runs for its read scenarios, called directly (a new scope, hence a new DbContext, per call as
/// per request), so that the API's own cost shows as the ratio of its latency to these.
/// </summary>
public static class DirectMeasurements
{
    /// <summary>The FMU as the API sees it after sign-in: roles in the "roles" claim.</summary>
    public static readonly ClaimsPrincipal FundManager = new(new ClaimsIdentity(
        [new Claim("sub", "fmu.officer"), new Claim(CallerClaims.NameClaimType, "Amina Diallo"),
            new Claim(CallerClaims.RoleClaimType, Roles.FundManager)],
        "benchmark", CallerClaims.NameClaimType, CallerClaims.RoleClaimType));

    /// <summary>The list page the load runner asks for (<see cref="HttpMeasurements.ListPageQuery"/>).</summary>
    public static readonly ConceptNoteQuery ListQuery = new()
    {
        ThematicArea = 1, Sort = "-submittedAt", Page = 2, PageSize = 25,
    };

    /// <summary>One country's notes, newest change first: the filter reads the covered countries' index.</summary>
    public static readonly ConceptNoteQuery CountryListQuery = new()
    {
        Country = "MEX", Sort = "-updatedAt", Page = 1, PageSize = 25,
    };

    public const string CountryListPage = "list page, one country";

    /// <summary>The funding status as <see cref="FundingQueries"/> sums it, without the use case's access check.</summary>
    public const string FundingStatusComputed = "funding status, summed afresh";

    /// <summary>The same sums written by hand in SQL, with no EF Core (<see cref="RawSqlFundingStatus"/>).</summary>
    public const string FundingStatusRawSql = "funding status, raw SQL (no EF)";

    public static async Task<IReadOnlyList<DirectFigure>> RunAsync(IServiceProvider services, int maxRuns, TimeSpan budget,
        CancellationToken ct)
    {
        Guid noteId;
        string connectionString;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
            var count = await db.ConceptNotes.CountAsync(ct);
            noteId = await db.ConceptNotes.OrderBy(n => n.Id).Skip(count / 2).Select(n => n.Id).FirstAsync(ct);
            connectionString = db.Database.GetConnectionString()!;
            RawSqlFundingStatus.CheckAgainst(await RawSqlFundingStatus.RunAsync(connectionString, today, ct),
                await scope.ServiceProvider.GetRequiredService<FundingQueries>().StatusAsync(today, ct));
        }

        Task InScope(Func<IServiceProvider, Task> action) => WithScopeAsync(services, action);
        var fundManager = FundManager.AsWorkflowActor();
        return
        [
            await Timing.MeasureAsync(HttpMeasurements.ListPage, () => InScope(s =>
                s.GetRequiredService<ConceptNoteUseCases>().ListAsync(ListQuery, fundManager, ct)), maxRuns, budget),
            await Timing.MeasureAsync(CountryListPage, () => InScope(s =>
                s.GetRequiredService<ConceptNoteUseCases>().ListAsync(CountryListQuery, fundManager, ct)), maxRuns, budget),
            await Timing.MeasureAsync(HttpMeasurements.GetOne, () => InScope(s =>
                s.GetRequiredService<ConceptNoteUseCases>().GetAsync(noteId, fundManager, ct)), maxRuns, budget),
            await Timing.MeasureAsync(HttpMeasurements.FundingStatus, () => InScope(s =>
                s.GetRequiredService<FundingStatusUseCases>().StatusAsync(today, fundManager, ct)), maxRuns, budget),
            await Timing.MeasureAsync(FundingStatusComputed, () => InScope(s =>
                s.GetRequiredService<FundingQueries>().StatusAsync(today, ct)), maxRuns, budget),
            await Timing.MeasureAsync(FundingStatusRawSql, () => RawSqlFundingStatus.RunAsync(connectionString, today, ct),
                maxRuns, budget),
            await Timing.MeasureAsync(HttpMeasurements.Pipeline, () => InScope(s =>
                s.GetRequiredService<FundingPipeline>().RankAsync(DateTimeOffset.UtcNow, ct)), maxRuns, budget),
        ];
    }

    private static async Task WithScopeAsync(IServiceProvider services, Func<IServiceProvider, Task> action)
    {
        await using var scope = services.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }
}
