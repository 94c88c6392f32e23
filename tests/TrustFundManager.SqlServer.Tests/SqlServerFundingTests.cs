using System.Net;
using System.Text.Json;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Testing;

namespace TrustFundManager.SqlServer.Tests;

/// <summary>The funding status's sums, and the append-only deposits, on a real SQL Server.</summary>
public sealed class SqlServerFundingTests(SqlServerFixture sql) : IClassFixture<SqlServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deposits_are_converted_and_charged_to_the_cent_and_the_status_adds_up()
    {
        sql.SkipWithoutDocker();
        using var fmu = await sql.Api!.CreateClientAsAsync("fmu.officer");
        var today = DateOnly.FromDateTime(sql.Api.Clock.GetUtcNow().UtcDateTime);
        var day = today.AddDays(-10).ToString("yyyy-MM-dd");
        var donor = await CreatedAsync(await fmu.PostAsync("/api/donors",
            HttpAssert.JsonBody($$"""{"name": "Donor {{Guid.NewGuid():N}}", "kind": "Private"}"""), Ct));
        var contribution = await CreatedAsync(await fmu.PostAsync("/api/contributions", HttpAssert.JsonBody(
            $$"""{"donorId": "{{donor.GetProperty("id")}}", "pledgedOn": "{{day}}", "amount": 1000000, "currency": "EUR", "rateToUsd": 1.1}"""), Ct));
        var id = contribution.GetProperty("id").GetString();
        await HttpAssert.OkJsonAsync(await fmu.PostAsync($"/api/contributions/{id}/commitment", HttpAssert.JsonBody(
            $$"""{"signedOn": "{{day}}", "amount": 1000000, "currency": "EUR", "rateToUsd": 1.1, "earmarkedAreaNumber": 3}"""), Ct));

        var paid = await CreatedAsync(await fmu.PostAsync($"/api/contributions/{id}/deposits", HttpAssert.JsonBody(
            $$"""{"receivedOn": "{{day}}", "amount": 1000000, "rateToUsd": 1.12345678, "reference": "SQL-1"}"""), Ct));

        var deposit = paid.GetProperty("deposits")[0];
        Assert.Equal(1123456.78m, deposit.GetProperty("amountUsd").GetDecimal());
        Assert.Equal(11234.57m, deposit.GetProperty("feeUsd").GetDecimal());
        Assert.Equal(1112222.21m, deposit.GetProperty("netUsd").GetDecimal());

        var status = await HttpAssert.OkJsonAsync(await fmu.GetAsync("/api/funding-status", Ct));
        Assert.Equal(status.GetProperty("depositedUsd").GetDecimal(), Sum(status, "byDonor", "depositedUsd"));
        Assert.Equal(status.GetProperty("administrativeAgentFeeUsd").GetDecimal(), Sum(status, "byDonor", "administrativeAgentFeeUsd"));
        Assert.Equal(status.GetProperty("netFundedUsd").GetDecimal(), Sum(status, "byThematicArea", "netDepositedUsd"));
        Assert.Equal(status.GetProperty("freeBalanceUsd").GetDecimal(), Sum(status, "byThematicArea", "freeBalanceUsd"));
        Assert.Equal(status.GetProperty("committedUsd").GetDecimal(), Sum(status, "byThematicArea", "committedUsd"));
    }

    [Fact]
    public async Task A_status_read_twice_is_kept_and_the_next_deposit_shows_in_the_next_read()
    {
        sql.SkipWithoutDocker();
        using var fmu = await sql.Api!.CreateClientAsAsync("fmu.officer");
        var day = DateOnly.FromDateTime(sql.Api.Clock.GetUtcNow().UtcDateTime).AddDays(-2).ToString("yyyy-MM-dd");
        var donor = await CreatedAsync(await fmu.PostAsync("/api/donors",
            HttpAssert.JsonBody($$"""{"name": "Donor {{Guid.NewGuid():N}}", "kind": "Private"}"""), Ct));
        var contribution = await CreatedAsync(await fmu.PostAsync("/api/contributions", HttpAssert.JsonBody(
            $$"""{"donorId": "{{donor.GetProperty("id")}}", "pledgedOn": "{{day}}", "amount": 5000, "currency": "USD", "rateToUsd": 1}"""), Ct));
        var id = contribution.GetProperty("id").GetString();
        await HttpAssert.OkJsonAsync(await fmu.PostAsync($"/api/contributions/{id}/commitment", HttpAssert.JsonBody(
            $$"""{"signedOn": "{{day}}", "amount": 5000, "currency": "USD", "rateToUsd": 1}"""), Ct));
        var before = await HttpAssert.OkJsonAsync(await fmu.GetAsync("/api/funding-status", Ct));
        Assert.Equal(before.GetRawText(), (await HttpAssert.OkJsonAsync(await fmu.GetAsync("/api/funding-status", Ct))).GetRawText());

        await CreatedAsync(await fmu.PostAsync($"/api/contributions/{id}/deposits", HttpAssert.JsonBody(
            $$"""{"receivedOn": "{{day}}", "amount": 1234.56, "rateToUsd": 1, "reference": "SQL-KEPT"}"""), Ct));

        var after = await HttpAssert.OkJsonAsync(await fmu.GetAsync("/api/funding-status", Ct));
        Assert.Equal(1234.56m, after.GetProperty("depositedUsd").GetDecimal() - before.GetProperty("depositedUsd").GetDecimal());
    }

    [Fact]
    public async Task The_database_refuses_to_change_a_recorded_deposit()
    {
        sql.SkipWithoutDocker();

        var refused = await sql.Api!.WithDbAsync(db =>
            Assert.ThrowsAsync<SqlException>(() => db.Database.ExecuteSqlRawAsync("UPDATE Deposits SET Amount = 1", Ct)));

        Assert.Contains("never change", refused.Message);
    }

    private static Task<JsonElement> CreatedAsync(HttpResponseMessage response) =>
        HttpAssert.OkJsonAsync(response, HttpStatusCode.Created);

    private static decimal Sum(JsonElement status, string breakdown, string figure) =>
        status.GetProperty(breakdown).EnumerateArray().Sum(row => row.GetProperty(figure).GetDecimal());
}
