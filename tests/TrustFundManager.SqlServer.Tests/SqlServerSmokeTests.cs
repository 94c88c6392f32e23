using System.Net;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFundManager.Domain.Access;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Testing;
using TrustFundManager.Workflows;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.SqlServer.Tests;

/// <summary>The API's smoke tests again, on a real SQL Server.</summary>
public sealed class SqlServerSmokeTests(SqlServerFixture sql) : IClassFixture<SqlServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Thematic_areas_are_five_and_cover_objectives_1_to_23_exactly_once()
    {
        sql.SkipWithoutDocker();
        using var client = await sql.Api!.CreateClientAsAsync("gov.mex");

        var areas = await HttpAssert.OkJsonAsync(await client.GetAsync("/api/thematic-areas", Ct));

        Assert.Equal(5, areas.GetArrayLength());
        Assert.Equal(Enumerable.Range(1, 23), areas.EnumerateArray()
            .SelectMany(a => a.GetProperty("objectives").EnumerateArray().Select(o => o.GetProperty("number").GetInt32()))
            .Order());
    }

    [Fact]
    public async Task The_api_is_ready_and_refuses_unsigned_callers()
    {
        sql.SkipWithoutDocker();
        using var client = sql.Api!.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", Ct)).StatusCode);
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/countries", Ct), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_settings_change_is_stored_exactly_and_audited()
    {
        sql.SkipWithoutDocker();
        using var client = await sql.Api!.CreateClientAsAsync("fmu.officer");
        var version = (await HttpAssert.OkJsonAsync(await client.GetAsync("/api/settings", Ct))).GetProperty("version").GetString();
        var settings = $$"""
            {"version": "{{version}}", "fundName": "Migration Multi-Partner Trust Fund", "budgetCeilingUsd": 2999999.99, "minDurationMonths": 12,
             "maxDurationMonths": 36, "administrativeAgentFeeRate": 0.01, "indirectCostRate": 0.07,
             "decisionRule": "Consensus", "quorumNumerator": 2, "quorumDenominator": 3,
             "quorumRequiresEveryConstituency": true, "revisionPeriodDays": 90, "committeeTermMonths": 36}
            """;

        await HttpAssert.OkJsonAsync(await client.PutAsync("/api/settings", HttpAssert.JsonBody(settings), Ct));

        var stored = await sql.Api.WithDbAsync(db => db.FundSettings.AsNoTracking().SingleAsync(Ct));
        Assert.Equal(2999999.99m, stored.BudgetCeilingUsd);
        var log = await HttpAssert.OkJsonAsync(await client.GetAsync("/api/audit-log?entityType=FundSettings&pageSize=1", Ct));
        Assert.Equal("fmu.officer", log.GetProperty("items")[0].GetProperty("actor").GetString());
    }

    [Fact]
    public async Task The_database_refuses_to_change_the_audit_log()
    {
        sql.SkipWithoutDocker();

        var refused = await sql.Api!.WithDbAsync(db =>
            Assert.ThrowsAsync<SqlException>(() => db.Database.ExecuteSqlRawAsync("UPDATE AuditEntries SET Actor = 'x'", Ct)));

        Assert.Contains("append-only", refused.Message);
    }

    [Fact]
    public async Task Bad_input_gets_400_with_field_errors()
    {
        sql.SkipWithoutDocker();
        using var client = await sql.Api!.CreateClientAsAsync("fmu.officer");

        await HttpAssert.ValidationProblemAsync(await client.PutAsync("/api/constituencies/donors",
            HttpAssert.JsonBody("{\"name\": \"Donors\", \"seats\": 0}"), Ct), "seats");
    }

    [Fact]
    public async Task Two_simultaneous_steps_give_one_success_and_one_conflict_and_the_journal_is_append_only()
    {
        sql.SkipWithoutDocker();
        Guid note;
        await using (var scope = sql.Api!.Services.CreateAsyncScope())
        {
            var government = new WorkflowActor("gov.mex", "Carlos Herrera", [Roles.GovernmentFocalPoint], Country: "MEX");
            var instance = await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().StartAsync("concept-note",
                Guid.NewGuid(), "Labour mobility", new WorkflowScope(["MEX"], ["IOM", "UNICEF"]), government, Ct);
            await scope.ServiceProvider.GetRequiredService<TrustFundDbContext>().SaveChangesAsync(Ct);
            note = instance.Id;
        }

        using var government1 = await sql.Api.CreateClientAsAsync("gov.mex");
        using var officer = await sql.Api.CreateClientAsAsync("fmu.officer");
        var responses = await Task.WhenAll(
            government1.PostAsync($"/api/workflow-instances/{note}/actions/submit", HttpAssert.JsonBody("{}"), Ct),
            officer.PostAsync($"/api/workflow-instances/{note}/actions/submit", HttpAssert.JsonBody("{}"), Ct));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        using var tasks = await sql.Api.CreateClientAsAsync("fmu.finance");
        var inbox = await HttpAssert.OkJsonAsync(await tasks.GetAsync("/api/tasks/mine", Ct));
        Assert.Contains(inbox.GetProperty("items").EnumerateArray(),
            t => t.GetProperty("instanceHref").GetString() == $"/api/workflow-instances/{note}");
        var refused = await sql.Api.WithDbAsync(db =>
            Assert.ThrowsAsync<SqlException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM WorkflowJournal", Ct)));
        Assert.Contains("append-only", refused.Message);
    }
}
