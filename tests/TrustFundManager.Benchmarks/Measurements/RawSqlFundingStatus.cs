using System.Globalization;
using Microsoft.Data.Sqlite;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Infrastructure.Funding;

namespace TrustFundManager.Benchmarks.Measurements;

/// <summary>
/// The funding status's aggregation written by hand: the same six grouped sums over the same tables that
/// <see cref="FundingQueries.StatusAsync"/> asks EF Core for (contributions by donor and earmark, deposits by donor and
/// earmark, programmes by area and country, transfers and expenditure by area, country and organization, budgets by
/// organization), read through a plain <see cref="SqliteConnection"/> with no EF Core and no breakdowns built. What
/// SQLite itself needs for the figures: the physical limit the API's figure is measured against.
/// </summary>
public static class RawSqlFundingStatus
{
    private const string Released = "CASE WHEN p.ReleasedOn IS NOT NULL AND p.ReleasedOn <= $asOf THEN {0} ELSE 0 END";

    private static readonly string[] Queries =
    [
        """
        SELECT c.DonorId, c.EarmarkedAreaNumber, SUM(c.PledgedOn <= $asOf),
               SUM(CASE WHEN c.PledgedOn <= $asOf THEN c.PledgedUsd ELSE 0 END),
               SUM(CASE WHEN c.CommittedOn IS NOT NULL AND c.CommittedOn <= $asOf THEN c.CommittedUsd ELSE 0 END)
        FROM Contributions c
        WHERE c.PledgedOn <= $asOf OR (c.CommittedOn IS NOT NULL AND c.CommittedOn <= $asOf)
        GROUP BY c.DonorId, c.EarmarkedAreaNumber
        """,
        """
        SELECT d.EarmarkedAreaNumber, d.DonorId, SUM(d.AmountUsd), SUM(d.FeeUsd), SUM(d.NetUsd)
        FROM Deposits d
        WHERE d.ReceivedOn <= $asOf
        GROUP BY d.EarmarkedAreaNumber, d.DonorId
        """,
        $"""
        SELECT p.ThematicAreaNumber, p.Country, COUNT(*),
               SUM(p.AllocatedUsd - {string.Format(CultureInfo.InvariantCulture, Released, "p.ReleasedUsd")}),
               SUM({string.Format(CultureInfo.InvariantCulture, Released, "p.ReleasedUsd")}),
               SUM(p.FromEarmarkedUsd - {string.Format(CultureInfo.InvariantCulture, Released, "p.ReleasedToEarmarkedUsd")}),
               SUM(p.FromUnearmarkedUsd - {string.Format(CultureInfo.InvariantCulture, Released, "p.ReleasedToUnearmarkedUsd")})
        FROM JointProgrammes p
        WHERE p.AllocatedOn <= $asOf
        GROUP BY p.ThematicAreaNumber, p.Country
        """,
        """
        SELECT p.ThematicAreaNumber, p.Country, t.Organization, SUM(t.AmountUsd)
        FROM Transfers t JOIN JointProgrammes p ON p.Id = t.ProgrammeId
        WHERE t.TransferredOn <= $asOf
        GROUP BY p.ThematicAreaNumber, p.Country, t.Organization
        """,
        """
        SELECT p.ThematicAreaNumber, p.Country, e.Organization, SUM(e.AmountUsd)
        FROM AnnualExpenditures e JOIN JointProgrammes p ON p.Id = e.ProgrammeId
        WHERE e.ReportedOn <= $asOf
        GROUP BY p.ThematicAreaNumber, p.Country, e.Organization
        """,
        $"""
        SELECT l.Organization, COUNT(*), SUM(l.AmountUsd - {string.Format(CultureInfo.InvariantCulture, Released, "l.ReleasedUsd")}),
               SUM(l.IndirectCostUsd)
        FROM ProgrammeBudgetLines l JOIN JointProgrammes p ON p.Id = l.ProgrammeId
        WHERE p.AllocatedOn <= $asOf
        GROUP BY l.Organization
        """,
    ];

    /// <summary>The totals the six queries give (committed, deposited, allocated, transferred, spent), in USD.</summary>
    public sealed record Totals(decimal CommittedUsd, decimal DepositedUsd, decimal AllocatedUsd, decimal TransferredUsd,
        decimal ExpenditureUsd);

    public static async Task<Totals> RunAsync(string connectionString, DateOnly asOf, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        var sums = new long[Queries.Length];
        for (var q = 0; q < Queries.Length; q++)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Queries[q];
            command.Parameters.AddWithValue("$asOf", asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await using var reader = await command.ExecuteReaderAsync(ct);
            // Every row is read, as EF reads them; one column of each query is kept to check the figures.
            var column = q switch { 0 => 4, 1 => 2, 2 => 3, 3 => 3, 4 => 3, _ => 2 };
            while (await reader.ReadAsync(ct))
                for (var i = 0; i < reader.FieldCount; i++)
                    if (i == column && !reader.IsDBNull(i)) sums[q] += reader.GetInt64(i);
        }
        decimal Usd(long units) => units / (decimal)MoneyStorage.UnitsPerCurrencyUnit;
        return new Totals(Usd(sums[0]), Usd(sums[1]), Usd(sums[2]), Usd(sums[3]), Usd(sums[4]));
    }

    /// <summary>Refuses to time a query that does not give the API's figures.</summary>
    public static void CheckAgainst(Totals raw, FundingStatus status)
    {
        var expected = new Totals(status.CommittedUsd, status.DepositedUsd, status.AllocatedUsd, status.TransferredUsd,
            status.ExpenditureUsd);
        if (raw != expected)
            throw new InvalidOperationException($"The raw SQL funding status {raw} differs from the API's {expected}.");
    }
}
