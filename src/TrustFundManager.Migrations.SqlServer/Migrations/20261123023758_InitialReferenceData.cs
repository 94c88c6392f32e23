using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustFundManager.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class InitialReferenceData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    OccurredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Actor = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    EntityType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    EntityId = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Changes = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CorrelationId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Constituencies",
                columns: table => new
                {
                    Code = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Seats = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Constituencies", x => x.Code);
                    table.CheckConstraint("CK_Constituencies_Seats", "Seats >= 1 AND Seats <= 12");
                });

            migrationBuilder.CreateTable(
                name: "Countries",
                columns: table => new
                {
                    Alpha3 = table.Column<string>(type: "nchar(3)", fixedLength: true, maxLength: 3, nullable: false),
                    Alpha2 = table.Column<string>(type: "nchar(2)", fixedLength: true, maxLength: 2, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Region = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Countries", x => x.Alpha3);
                });

            migrationBuilder.CreateTable(
                name: "FundSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FundName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    BudgetCeilingUsd = table.Column<decimal>(type: "decimal(19,2)", precision: 19, scale: 2, nullable: false),
                    MinDurationMonths = table.Column<int>(type: "int", nullable: false),
                    MaxDurationMonths = table.Column<int>(type: "int", nullable: false),
                    AdministrativeAgentFeeRate = table.Column<decimal>(type: "decimal(9,6)", precision: 9, scale: 6, nullable: false),
                    IndirectCostRate = table.Column<decimal>(type: "decimal(9,6)", precision: 9, scale: 6, nullable: false),
                    DecisionRule = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    QuorumNumerator = table.Column<int>(type: "int", nullable: false),
                    QuorumDenominator = table.Column<int>(type: "int", nullable: false),
                    QuorumRequiresEveryConstituency = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundSettings", x => x.Id);
                    table.CheckConstraint("CK_FundSettings_BudgetCeiling", "CAST(BudgetCeilingUsd AS REAL) > 0");
                    table.CheckConstraint("CK_FundSettings_Durations", "MinDurationMonths >= 1 AND MaxDurationMonths >= MinDurationMonths");
                    table.CheckConstraint("CK_FundSettings_Quorum", "QuorumNumerator >= 1 AND QuorumNumerator <= QuorumDenominator");
                    table.CheckConstraint("CK_FundSettings_Rates", "CAST(AdministrativeAgentFeeRate AS REAL) BETWEEN 0 AND 0.5 AND CAST(IndirectCostRate AS REAL) BETWEEN 0 AND 0.5");
                    table.CheckConstraint("CK_FundSettings_Singleton", "Id = 1");
                });

            migrationBuilder.CreateTable(
                name: "GuidingPrinciples",
                columns: table => new
                {
                    Number = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuidingPrinciples", x => x.Number);
                });

            migrationBuilder.CreateTable(
                name: "Organizations",
                columns: table => new
                {
                    Code = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Acronym = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    IsNetworkMember = table.Column<bool>(type: "bit", nullable: false),
                    IsActive = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "ThematicAreas",
                columns: table => new
                {
                    Number = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    MembershipVersion = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThematicAreas", x => x.Number);
                });

            migrationBuilder.CreateTable(
                name: "GcmObjectives",
                columns: table => new
                {
                    Number = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ThematicAreaNumber = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GcmObjectives", x => x.Number);
                    table.ForeignKey(
                        name: "FK_GcmObjectives_ThematicAreas_ThematicAreaNumber",
                        column: x => x.ThematicAreaNumber,
                        principalTable: "ThematicAreas",
                        principalColumn: "Number",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityId",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_Countries_Alpha2",
                table: "Countries",
                column: "Alpha2",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Countries_Region",
                table: "Countries",
                column: "Region");

            migrationBuilder.CreateIndex(
                name: "IX_GcmObjectives_ThematicAreaNumber",
                table: "GcmObjectives",
                column: "ThematicAreaNumber");

            // The audit log is append-only, also for anyone who bypasses the application. CREATE TRIGGER must
            // start its own batch, which the idempotent script's IF blocks would break: hence EXEC.
            migrationBuilder.Sql("EXEC(N'CREATE TRIGGER AuditEntries_AppendOnly ON AuditEntries INSTEAD OF UPDATE, DELETE AS THROW 51000, ''The audit log is append-only.'', 1;');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditEntries_AppendOnly;");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "Constituencies");

            migrationBuilder.DropTable(
                name: "Countries");

            migrationBuilder.DropTable(
                name: "FundSettings");

            migrationBuilder.DropTable(
                name: "GcmObjectives");

            migrationBuilder.DropTable(
                name: "GuidingPrinciples");

            migrationBuilder.DropTable(
                name: "Organizations");

            migrationBuilder.DropTable(
                name: "ThematicAreas");
        }
    }
}
