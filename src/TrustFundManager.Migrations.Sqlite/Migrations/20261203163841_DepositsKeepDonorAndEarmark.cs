using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustFundManager.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DepositsKeepDonorAndEarmark : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contributions_DonorId",
                table: "Contributions");

            migrationBuilder.AddColumn<Guid>(
                name: "DonorId",
                table: "Deposits",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<int>(
                name: "EarmarkedAreaNumber",
                table: "Deposits",
                type: "INTEGER",
                nullable: true);

            // Each deposit takes its contribution's donor and earmark; deposits refuse updates, so their guard is lifted
            // for this one statement.
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Deposits_NoUpdate;");
            migrationBuilder.Sql("""
                UPDATE Deposits SET
                    DonorId = (SELECT c.DonorId FROM Contributions c WHERE c.Id = Deposits.ContributionId),
                    EarmarkedAreaNumber = (SELECT c.EarmarkedAreaNumber FROM Contributions c WHERE c.Id = Deposits.ContributionId);
                """);
            migrationBuilder.Sql("CREATE TRIGGER Deposits_NoUpdate BEFORE UPDATE ON Deposits BEGIN SELECT RAISE(ABORT, 'Recorded deposits never change.'); END;");

            migrationBuilder.CreateIndex(
                name: "IX_Deposits_FundingStatus",
                table: "Deposits",
                columns: new[] { "EarmarkedAreaNumber", "DonorId", "ReceivedOn", "AmountUsd", "FeeUsd", "NetUsd" });

            migrationBuilder.CreateIndex(
                name: "IX_Contributions_FundingStatus",
                table: "Contributions",
                columns: new[] { "DonorId", "EarmarkedAreaNumber", "PledgedOn", "CommittedOn", "PledgedUsd", "CommittedUsd" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deposits_FundingStatus",
                table: "Deposits");

            migrationBuilder.DropIndex(
                name: "IX_Contributions_FundingStatus",
                table: "Contributions");

            migrationBuilder.DropColumn(
                name: "DonorId",
                table: "Deposits");

            migrationBuilder.DropColumn(
                name: "EarmarkedAreaNumber",
                table: "Deposits");

            migrationBuilder.CreateIndex(
                name: "IX_Contributions_DonorId",
                table: "Contributions",
                column: "DonorId");
        }
    }
}
