using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustFundManager.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class MoneyAsIntegersAndLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddCheckConstraint(
                name: "CK_ProgrammeBudgetLines_Costs",
                table: "ProgrammeBudgetLines",
                sql: "DirectCostUsd + IndirectCostUsd = AmountUsd");

            migrationBuilder.AddCheckConstraint(
                name: "CK_ProgrammeBudgetLines_WithinBudget",
                table: "ProgrammeBudgetLines",
                sql: "ReleasedUsd >= 0 AND TransferredUsd + ReleasedUsd <= AmountUsd AND SpentUsd <= TransferredUsd");

            migrationBuilder.AddCheckConstraint(
                name: "CK_JointProgrammes_Drawn",
                table: "JointProgrammes",
                sql: "FromEarmarkedUsd + FromUnearmarkedUsd = AllocatedUsd");

            migrationBuilder.AddCheckConstraint(
                name: "CK_JointProgrammes_Released",
                table: "JointProgrammes",
                sql: "ReleasedToEarmarkedUsd >= 0 AND ReleasedToUnearmarkedUsd >= 0 AND ReleasedToEarmarkedUsd + ReleasedToUnearmarkedUsd = ReleasedUsd AND ReleasedToEarmarkedUsd <= FromEarmarkedUsd AND ReleasedToUnearmarkedUsd <= FromUnearmarkedUsd");

            migrationBuilder.AddCheckConstraint(
                name: "CK_JointProgrammes_WithinAllocation",
                table: "JointProgrammes",
                sql: "TransferredUsd + ReleasedUsd <= AllocatedUsd AND SpentUsd <= TransferredUsd AND IndirectCostUsd <= AllocatedUsd");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Deposits_NetUsd",
                table: "Deposits",
                sql: "NetUsd = AmountUsd - FeeUsd");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Contributions_DepositedWithinCommitment",
                table: "Contributions",
                sql: "DepositedAmount <= CASE WHEN CommittedAmount IS NULL THEN 0 ELSE CommittedAmount END");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_ProgrammeBudgetLines_Costs",
                table: "ProgrammeBudgetLines");

            migrationBuilder.DropCheckConstraint(
                name: "CK_ProgrammeBudgetLines_WithinBudget",
                table: "ProgrammeBudgetLines");

            migrationBuilder.DropCheckConstraint(
                name: "CK_JointProgrammes_Drawn",
                table: "JointProgrammes");

            migrationBuilder.DropCheckConstraint(
                name: "CK_JointProgrammes_Released",
                table: "JointProgrammes");

            migrationBuilder.DropCheckConstraint(
                name: "CK_JointProgrammes_WithinAllocation",
                table: "JointProgrammes");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Deposits_NetUsd",
                table: "Deposits");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Contributions_DepositedWithinCommitment",
                table: "Contributions");
        }
    }
}
