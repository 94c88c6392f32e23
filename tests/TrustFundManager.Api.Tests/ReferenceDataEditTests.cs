using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests;

/// <summary>Accepted changes: they take effect, and the audit log records who changed what, from what to what.</summary>
public sealed class ReferenceDataEditTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement> LatestAuditAsync(HttpClient client, string entityType, string entityId) =>
        (await HttpAssert.OkJsonAsync(await client.GetAsync(
            $"/api/audit-log?entityType={entityType}&entityId={entityId}&pageSize=1", Ct))).GetProperty("items")[0];

    private async Task<string> SettingsVersionAsync(HttpClient client) =>
        (await HttpAssert.OkJsonAsync(await client.GetAsync("/api/settings", Ct))).GetProperty("version").GetString()!;

    private static string SettingsBody(string version, string decisionRule = "Consensus", decimal indirectCostRate = 0.07m) =>
        JsonSerializer.Serialize(new
        {
            version, fundName = "Migration Multi-Partner Trust Fund", budgetCeilingUsd = 3_000_000m, minDurationMonths = 12,
            maxDurationMonths = 36, administrativeAgentFeeRate = 0.01m, indirectCostRate, decisionRule,
            quorumNumerator = 2, quorumDenominator = 3, quorumRequiresEveryConstituency = true, revisionPeriodDays = 90, committeeTermMonths = 36,
        });

    [Fact]
    public async Task A_settings_change_based_on_a_stale_read_is_refused_and_two_at_once_give_one_winner()
    {
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        using var finance = await api.CreateClientAsAsync("fmu.finance");
        var version = await SettingsVersionAsync(fmu);

        var raced = await Task.WhenAll(
            fmu.PutAsync("/api/settings", HttpAssert.JsonBody(SettingsBody(version, indirectCostRate: 0.065m)), Ct),
            finance.PutAsync("/api/settings", HttpAssert.JsonBody(SettingsBody(version, indirectCostRate: 0.075m)), Ct));

        Assert.Equal(1, raced.Count(r => r.StatusCode == HttpStatusCode.OK));
        var loser = raced.Single(r => r.StatusCode != HttpStatusCode.OK);
        await HttpAssert.ProblemAsync(loser, HttpStatusCode.Conflict);
        var winner = await HttpAssert.OkJsonAsync(raced.Single(r => r.StatusCode == HttpStatusCode.OK));
        var stored = await HttpAssert.OkJsonAsync(await fmu.GetAsync("/api/settings", Ct));
        Assert.Equal(winner.GetProperty("indirectCostRate").GetDecimal(), stored.GetProperty("indirectCostRate").GetDecimal());
        Assert.NotEqual(version, stored.GetProperty("version").GetString());

        // Replaying the stale version later is refused too, and changes nothing.
        var stale = await finance.PutAsync("/api/settings", HttpAssert.JsonBody(SettingsBody(version, "Majority")), Ct);
        var problem = await HttpAssert.ProblemAsync(stale, HttpStatusCode.Conflict);
        Assert.Contains("changed by someone else", problem.GetProperty("detail").GetString());
        Assert.Equal("Consensus", (await HttpAssert.OkJsonAsync(await fmu.GetAsync("/api/settings", Ct))).GetProperty("decisionRule").GetString());

        await HttpAssert.OkJsonAsync(await fmu.PutAsync("/api/settings",
            HttpAssert.JsonBody(SettingsBody(await SettingsVersionAsync(fmu))), Ct));
    }

    [Fact]
    public async Task Settings_change_and_the_audit_log_keeps_only_what_changed()
    {
        using var client = await api.CreateClientAsAsync("fmu.officer");
        var settings = $$"""
            {"version": "{{await SettingsVersionAsync(client)}}", "fundName": "Migration Multi-Partner Trust Fund", "budgetCeilingUsd": 2500000.50, "minDurationMonths": 18,
             "maxDurationMonths": 36, "administrativeAgentFeeRate": 0.01, "indirectCostRate": 0.07,
             "decisionRule": "Majority", "quorumNumerator": 1, "quorumDenominator": 2,
             "quorumRequiresEveryConstituency": false, "revisionPeriodDays": 60, "committeeTermMonths": 24}
            """;

        var updated = await HttpAssert.OkJsonAsync(await client.PutAsync("/api/settings", HttpAssert.JsonBody(settings), Ct));

        Assert.Equal(2500000.50m, updated.GetProperty("budgetCeilingUsd").GetDecimal());
        var read = await HttpAssert.OkJsonAsync(await client.GetAsync("/api/settings", Ct));
        Assert.Equal("Majority", read.GetProperty("decisionRule").GetString());
        Assert.Equal(18, read.GetProperty("minDurationMonths").GetInt32());

        var audit = await LatestAuditAsync(client, "FundSettings", "1");
        Assert.Equal("fmu.officer", audit.GetProperty("actor").GetString());
        Assert.Equal("Modified", audit.GetProperty("action").GetString());
        var changes = audit.GetProperty("changes");
        Assert.Equal(["budgetCeilingUsd", "committeeTermMonths", "decisionRule", "minDurationMonths", "quorumDenominator", "quorumNumerator",
            "quorumRequiresEveryConstituency", "revisionPeriodDays", "version"], changes.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Consensus", changes.GetProperty("decisionRule").GetProperty("from").GetString());
        Assert.Equal("Majority", changes.GetProperty("decisionRule").GetProperty("to").GetString());
        Assert.Equal(2500000.50m, changes.GetProperty("budgetCeilingUsd").GetProperty("to").GetDecimal());
    }

    [Fact]
    public async Task A_remap_moves_objectives_between_areas_and_each_move_is_audited()
    {
        using var client = await api.CreateClientAsAsync("admin");
        var mapping = """
            {"areas": [
              {"number": 1, "objectiveNumbers": [1, 3, 17]},
              {"number": 2, "objectiveNumbers": [2, 7, 8, 12, 13]},
              {"number": 3, "objectiveNumbers": [9, 10, 11, 14, 21]},
              {"number": 4, "objectiveNumbers": [5, 6, 18, 19, 20, 22]},
              {"number": 5, "objectiveNumbers": [4, 15, 16, 23]}]}
            """;

        var areas = await HttpAssert.OkJsonAsync(await client.PutAsync("/api/thematic-areas", HttpAssert.JsonBody(mapping), Ct));

        Assert.Equal([4, 15, 16, 23], areas[4].GetProperty("objectives").EnumerateArray().Select(o => o.GetProperty("number").GetInt32()));
        var objective = await HttpAssert.OkJsonAsync(await client.GetAsync("/api/gcm-objectives/23", Ct));
        Assert.Equal(5, objective.GetProperty("thematicAreaNumber").GetInt32());
        var audit = await LatestAuditAsync(client, "GcmObjective", "23");
        Assert.Equal("admin", audit.GetProperty("actor").GetString());
        Assert.Equal(1, audit.GetProperty("changes").GetProperty("thematicAreaNumber").GetProperty("from").GetInt32());
        Assert.Equal(5, audit.GetProperty("changes").GetProperty("thematicAreaNumber").GetProperty("to").GetInt32());

        // Put it back, so the mapping is the fund's again.
        await HttpAssert.OkJsonAsync(await client.PutAsync("/api/gcm-objectives/23", HttpAssert.JsonBody(
            "{\"title\": \"Strengthen international cooperation and global partnerships for safe, orderly and regular migration\", \"thematicAreaNumber\": 1}"), Ct));
        Assert.Equal(1, (await HttpAssert.OkJsonAsync(await client.GetAsync("/api/gcm-objectives/23", Ct)))
            .GetProperty("thematicAreaNumber").GetInt32());
    }

    [Fact]
    public async Task An_objective_moves_on_its_own_but_never_leaves_its_area_empty()
    {
        using var client = await api.CreateClientAsAsync("fmu.officer");
        // Area 3 groups 9, 10, 11, 14 and 21; move all but 9 to area 2, then try to move 9.
        foreach (var number in new[] { 10, 11, 14, 21 })
        {
            var title = (await HttpAssert.OkJsonAsync(await client.GetAsync($"/api/gcm-objectives/{number}", Ct))).GetProperty("title").GetString();
            await HttpAssert.OkJsonAsync(await client.PutAsync($"/api/gcm-objectives/{number}",
                HttpAssert.JsonBody(new { title, thematicAreaNumber = 2 }), Ct));
        }

        var response = await client.PutAsync("/api/gcm-objectives/9",
            HttpAssert.JsonBody(new { title = "Strengthen the transnational response to smuggling of migrants", thematicAreaNumber = 2 }), Ct);

        var problem = await HttpAssert.ValidationProblemAsync(response, "thematicAreaNumber");
        Assert.Contains("last objective of area 3", problem.GetProperty("errors").GetProperty("thematicAreaNumber")[0].GetString());
        var nine = await HttpAssert.OkJsonAsync(await client.GetAsync("/api/gcm-objectives/9", Ct));
        Assert.Equal(3, nine.GetProperty("thematicAreaNumber").GetInt32());

        foreach (var number in new[] { 10, 11, 14, 21 })
        {
            var title = (await HttpAssert.OkJsonAsync(await client.GetAsync($"/api/gcm-objectives/{number}", Ct))).GetProperty("title").GetString();
            await HttpAssert.OkJsonAsync(await client.PutAsync($"/api/gcm-objectives/{number}",
                HttpAssert.JsonBody(new { title, thematicAreaNumber = 3 }), Ct));
        }
    }

    [Fact]
    public async Task Two_moves_at_once_that_together_would_empty_an_area_cannot_both_succeed()
    {
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        using var admin = await api.CreateClientAsAsync("admin");
        async Task<HttpResponseMessage> MoveAsync(HttpClient client, int objective, int area)
        {
            var title = (await HttpAssert.OkJsonAsync(await client.GetAsync($"/api/gcm-objectives/{objective}", Ct))).GetProperty("title").GetString();
            return await client.PutAsync($"/api/gcm-objectives/{objective}", HttpAssert.JsonBody(new { title, thematicAreaNumber = area }), Ct);
        }

        // Area 5 groups 4, 15 and 16: move 15 away, then let 4 and 16 race out of it.
        await HttpAssert.OkJsonAsync(await MoveAsync(fmu, 15, 1));
        var raced = await Task.WhenAll(MoveAsync(fmu, 4, 1), MoveAsync(admin, 16, 1));

        Assert.Equal(1, raced.Count(r => r.StatusCode == HttpStatusCode.OK));
        var loser = raced.Single(r => r.StatusCode != HttpStatusCode.OK);
        Assert.True(loser.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.BadRequest,
            $"The second move got {(int)loser.StatusCode}");
        await HttpAssert.ProblemAsync(loser, loser.StatusCode);
        var area = await HttpAssert.OkJsonAsync(await fmu.GetAsync("/api/thematic-areas/5", Ct));
        Assert.Equal(1, area.GetProperty("objectives").GetArrayLength());

        foreach (var objective in new[] { 4, 15, 16 })
            if ((await HttpAssert.OkJsonAsync(await fmu.GetAsync($"/api/gcm-objectives/{objective}", Ct))).GetProperty("thematicAreaNumber").GetInt32() != 5)
                await HttpAssert.OkJsonAsync(await MoveAsync(fmu, objective, 5));
    }

    [Fact]
    public async Task Titles_seats_and_regions_change_and_are_audited()
    {
        using var client = await api.CreateClientAsAsync("fmu.officer");

        var area = await HttpAssert.OkJsonAsync(await client.PutAsync("/api/thematic-areas/2",
            HttpAssert.JsonBody("{\"title\": \"  Protecting migrants  \", \"description\": \"Human rights, safety, wellbeing.\"}"), Ct));
        Assert.Equal("Protecting migrants", area.GetProperty("title").GetString());
        Assert.Equal(5, area.GetProperty("objectives").GetArrayLength());

        var principle = await HttpAssert.OkJsonAsync(await client.PutAsync("/api/guiding-principles/2",
            HttpAssert.JsonBody("{\"title\": \"International cooperation\", \"description\": \"No State can address migration alone.\"}"), Ct));
        Assert.Equal("No State can address migration alone.", principle.GetProperty("description").GetString());

        var constituency = await HttpAssert.OkJsonAsync(await client.PutAsync("/api/constituencies/stakeholders",
            HttpAssert.JsonBody("{\"name\": \"Stakeholders\", \"seats\": 4}"), Ct));
        Assert.Equal(4, constituency.GetProperty("seats").GetInt32());
        var seats = (await LatestAuditAsync(client, "Constituency", "stakeholders")).GetProperty("changes").GetProperty("seats");
        Assert.Equal(3, seats.GetProperty("from").GetInt32());
        Assert.Equal(4, seats.GetProperty("to").GetInt32());

        var country = await HttpAssert.OkJsonAsync(await client.PutAsync("/api/countries/ata",
            HttpAssert.JsonBody("{\"name\": \"Antarctica\", \"region\": \"EuropeAndNorthAmerica\"}"), Ct));
        Assert.Equal("EuropeAndNorthAmerica", country.GetProperty("region").GetString());
        var region = (await LatestAuditAsync(client, "Country", "ATA")).GetProperty("changes").GetProperty("region");
        Assert.Equal(JsonValueKind.Null, region.GetProperty("from").ValueKind);
        Assert.Equal("EuropeAndNorthAmerica", region.GetProperty("to").GetString());
    }

    [Fact]
    public async Task An_organization_is_added_under_a_new_code_then_changed()
    {
        using var client = await api.CreateClientAsAsync("fmu.officer");

        var created = await client.PutAsync("/api/organizations/unoct",
            HttpAssert.JsonBody("{\"acronym\": \"UNOCT\", \"name\": \"United Nations Office of Counter-Terrorism\", \"isNetworkMember\": false, \"isActive\": true}"), Ct);
        var body = await HttpAssert.OkJsonAsync(created, HttpStatusCode.Created);
        Assert.Equal("/api/organizations/UNOCT", created.Headers.Location?.OriginalString);
        Assert.Equal("UNOCT", body.GetProperty("code").GetString());
        Assert.Equal("Added", (await LatestAuditAsync(client, "Organization", "UNOCT")).GetProperty("action").GetString());

        var changed = await HttpAssert.OkJsonAsync(await client.PutAsync("/api/organizations/UNOCT",
            HttpAssert.JsonBody("{\"acronym\": \"UNOCT\", \"name\": \"United Nations Office of Counter-Terrorism\", \"isNetworkMember\": false, \"isActive\": false}"), Ct));
        Assert.False(changed.GetProperty("isActive").GetBoolean());
        var active = await HttpAssert.OkJsonAsync(await client.GetAsync("/api/organizations?activeOnly=true", Ct));
        Assert.DoesNotContain(active.EnumerateArray(), o => o.GetProperty("code").GetString() == "UNOCT");
    }

    [Fact]
    public async Task Two_fund_managers_adding_the_same_organization_at_once_give_one_row_and_no_server_error()
    {
        var clients = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => api.CreateClientAsAsync(i % 2 == 0 ? "fmu.officer" : "admin")));
        var body = "{\"acronym\": \"UNCCD\", \"name\": \"UN Convention to Combat Desertification\", \"isNetworkMember\": false, \"isActive\": true}";

        var responses = await Task.WhenAll(clients.Select(c => c.PutAsync("/api/organizations/UNCCD", HttpAssert.JsonBody(body), Ct)));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Equal(1, await api.WithDbAsync(db => db.Organizations.CountAsync(o => o.Code == "UNCCD")));
        Assert.Equal(1, await api.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "Organization" && e.EntityId == "UNCCD" && e.Action == "Added")));
        foreach (var c in clients) c.Dispose();
    }

    [Fact]
    public async Task The_audit_log_is_append_only_in_the_application_and_in_the_database()
    {
        var refusedByApplication = await api.WithDbAsync(async db =>
        {
            var entry = await db.AuditEntries.OrderBy(e => e.Id).FirstAsync(Ct);
            db.Entry(entry).Property(e => e.Actor).CurrentValue = "someone-else";
            return await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));
        });
        Assert.Contains("append-only", refusedByApplication.Message);

        var refusedByDatabase = await api.WithDbAsync(db =>
            Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("UPDATE AuditEntries SET Actor = 'x'", Ct)));
        Assert.Contains("append-only", refusedByDatabase.Message);
        await api.WithDbAsync(db =>
            Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM AuditEntries", Ct)));
        Assert.True(await api.WithDbAsync(db => db.AuditEntries.AnyAsync()));
        Assert.False(await api.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Actor == "x" || e.Actor == "someone-else")));
    }

    [Fact]
    public async Task The_audit_log_pages_newest_first_and_refuses_bad_paging()
    {
        using var client = await api.CreateClientAsAsync("admin");

        var first = await HttpAssert.OkJsonAsync(await client.GetAsync("/api/audit-log?entityType=Country&pageSize=10", Ct));
        var second = await HttpAssert.OkJsonAsync(await client.GetAsync("/api/audit-log?entityType=Country&pageSize=10&page=2", Ct));

        Assert.True(first.GetProperty("totalCount").GetInt32() >= 249);
        var ids = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(i => i.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(20, ids.Count);
        Assert.Equal(ids.OrderDescending(), ids);
        Assert.Equal("system", first.GetProperty("items")[9].GetProperty("actor").GetString());

        await HttpAssert.ValidationProblemAsync(await client.GetAsync("/api/audit-log?pageSize=0", Ct), "pageSize");
        await HttpAssert.ValidationProblemAsync(await client.GetAsync("/api/audit-log?page=0", Ct), "page");
        await HttpAssert.ValidationProblemAsync(await client.GetAsync("/api/audit-log?page=abc", Ct), "page");
        await HttpAssert.ValidationProblemAsync(await client.GetAsync("/api/audit-log?page=20000000&pageSize=200", Ct), "page");
    }
}
