using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustFundManager.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Funding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Donors",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Donors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Donors_Countries_Country",
                        column: x => x.Country,
                        principalTable: "Countries",
                        principalColumn: "Alpha3",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FundingTargets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AmountUsd = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundingTargets", x => x.Id);
                    table.CheckConstraint("CK_FundingTargets_AmountUsd", "AmountUsd > 0");
                });

            migrationBuilder.CreateTable(
                name: "FundLedger",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundLedger", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JointProgrammes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConceptNoteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Countries = table.Column<string>(type: "TEXT", nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ThematicAreaNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    DurationMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    AllocatedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AllocatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AllocatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AllocatedUsd = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    IndirectCostRate = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: false),
                    IndirectCostUsd = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    FromEarmarkedUsd = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    FromUnearmarkedUsd = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    TransferredUsd = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    SpentUsd = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    ReleasedUsd = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    ReleasedToEarmarkedUsd = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    ReleasedToUnearmarkedUsd = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    ReleasedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JointProgrammes", x => x.Id);
                    table.CheckConstraint("CK_JointProgrammes_Amounts", "AllocatedUsd > 0 AND FromEarmarkedUsd >= 0 AND FromUnearmarkedUsd >= 0 AND TransferredUsd >= 0 AND SpentUsd >= 0 AND ReleasedUsd >= 0");
                    table.ForeignKey(
                        name: "FK_JointProgrammes_ConceptNotes_ConceptNoteId",
                        column: x => x.ConceptNoteId,
                        principalTable: "ConceptNotes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_JointProgrammes_Countries_Country",
                        column: x => x.Country,
                        principalTable: "Countries",
                        principalColumn: "Alpha3",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_JointProgrammes_ThematicAreas_ThematicAreaNumber",
                        column: x => x.ThematicAreaNumber,
                        principalTable: "ThematicAreas",
                        principalColumn: "Number",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Contributions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DonorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PledgedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PledgedAmount = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    PledgedCurrency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    PledgedRateToUsd = table.Column<decimal>(type: "TEXT", precision: 18, scale: 8, nullable: false),
                    PledgedUsd = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    CommittedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CommittedAmount = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: true),
                    CommittedCurrency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    CommitmentRateToUsd = table.Column<decimal>(type: "TEXT", precision: 18, scale: 8, nullable: true),
                    CommittedUsd = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: true),
                    EarmarkedAreaNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    AgreementReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DepositedAmount = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    DepositedUsd = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contributions", x => x.Id);
                    table.CheckConstraint("CK_Contributions_CommittedAmount", "CommittedAmount IS NULL OR CommittedAmount > 0");
                    table.CheckConstraint("CK_Contributions_DepositedAmount", "DepositedAmount >= 0");
                    table.CheckConstraint("CK_Contributions_PledgedAmount", "PledgedAmount > 0");
                    table.ForeignKey(
                        name: "FK_Contributions_Donors_DonorId",
                        column: x => x.DonorId,
                        principalTable: "Donors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Contributions_ThematicAreas_EarmarkedAreaNumber",
                        column: x => x.EarmarkedAreaNumber,
                        principalTable: "ThematicAreas",
                        principalColumn: "Number",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AnnualExpenditures",
                columns: table => new
                {
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Organization = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountUsd = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    ReportedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReportedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnualExpenditures", x => new { x.ProgrammeId, x.Organization, x.Year });
                    table.CheckConstraint("CK_AnnualExpenditures_AmountUsd", "AmountUsd >= 0");
                    table.ForeignKey(
                        name: "FK_AnnualExpenditures_JointProgrammes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "JointProgrammes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeBudgetLines",
                columns: table => new
                {
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Organization = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountUsd = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    DirectCostUsd = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    IndirectCostUsd = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    TransferredUsd = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    SpentUsd = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    ReleasedUsd = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeBudgetLines", x => new { x.ProgrammeId, x.Organization });
                    table.CheckConstraint("CK_ProgrammeBudgetLines_Amounts", "AmountUsd > 0 AND IndirectCostUsd >= 0 AND DirectCostUsd > 0 AND TransferredUsd >= 0 AND SpentUsd >= 0");
                    table.ForeignKey(
                        name: "FK_ProgrammeBudgetLines_JointProgrammes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "JointProgrammes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProgrammeBudgetLines_Organizations_Organization",
                        column: x => x.Organization,
                        principalTable: "Organizations",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Transfers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Organization = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Tranche = table.Column<int>(type: "INTEGER", nullable: false),
                    TransferredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AmountUsd = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Transfers", x => x.Id);
                    table.CheckConstraint("CK_Transfers_AmountUsd", "AmountUsd > 0");
                    table.ForeignKey(
                        name: "FK_Transfers_JointProgrammes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "JointProgrammes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Deposits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContributionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    RateToUsd = table.Column<decimal>(type: "TEXT", precision: 18, scale: 8, nullable: false),
                    AmountUsd = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    FeeRate = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: false),
                    FeeUsd = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    NetUsd = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Deposits", x => x.Id);
                    table.CheckConstraint("CK_Deposits_Amount", "Amount > 0 AND AmountUsd > 0 AND FeeUsd >= 0 AND NetUsd >= 0");
                    table.ForeignKey(
                        name: "FK_Deposits_Contributions_ContributionId",
                        column: x => x.ContributionId,
                        principalTable: "Contributions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "FundLedger",
                columns: new[] { "Id", "Version" },
                values: new object[] { 1, new Guid("00000000-0000-0000-0000-000000000000") });

            migrationBuilder.CreateIndex(
                name: "IX_AnnualExpenditures_Organization",
                table: "AnnualExpenditures",
                column: "Organization");

            migrationBuilder.CreateIndex(
                name: "IX_AnnualExpenditures_ReportedOn",
                table: "AnnualExpenditures",
                column: "ReportedOn");

            migrationBuilder.CreateIndex(
                name: "IX_Contributions_CommittedOn",
                table: "Contributions",
                column: "CommittedOn");

            migrationBuilder.CreateIndex(
                name: "IX_Contributions_DonorId",
                table: "Contributions",
                column: "DonorId");

            migrationBuilder.CreateIndex(
                name: "IX_Contributions_EarmarkedAreaNumber",
                table: "Contributions",
                column: "EarmarkedAreaNumber");

            migrationBuilder.CreateIndex(
                name: "IX_Contributions_PledgedOn",
                table: "Contributions",
                column: "PledgedOn");

            migrationBuilder.CreateIndex(
                name: "IX_Deposits_ContributionId_Number",
                table: "Deposits",
                columns: new[] { "ContributionId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Deposits_ContributionId_Reference",
                table: "Deposits",
                columns: new[] { "ContributionId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Deposits_ReceivedOn",
                table: "Deposits",
                column: "ReceivedOn");

            migrationBuilder.CreateIndex(
                name: "IX_Donors_Country",
                table: "Donors",
                column: "Country");

            migrationBuilder.CreateIndex(
                name: "IX_Donors_Name",
                table: "Donors",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FundingTargets_DueOn",
                table: "FundingTargets",
                column: "DueOn",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JointProgrammes_AllocatedOn",
                table: "JointProgrammes",
                column: "AllocatedOn");

            migrationBuilder.CreateIndex(
                name: "IX_JointProgrammes_ConceptNoteId",
                table: "JointProgrammes",
                column: "ConceptNoteId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JointProgrammes_Country",
                table: "JointProgrammes",
                column: "Country");

            migrationBuilder.CreateIndex(
                name: "IX_JointProgrammes_ThematicAreaNumber",
                table: "JointProgrammes",
                column: "ThematicAreaNumber");

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeBudgetLines_Organization",
                table: "ProgrammeBudgetLines",
                column: "Organization");

            migrationBuilder.CreateIndex(
                name: "IX_Transfers_Organization",
                table: "Transfers",
                column: "Organization");

            migrationBuilder.CreateIndex(
                name: "IX_Transfers_ProgrammeId_Organization_Tranche",
                table: "Transfers",
                columns: new[] { "ProgrammeId", "Organization", "Tranche" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Transfers_ProgrammeId_Reference",
                table: "Transfers",
                columns: new[] { "ProgrammeId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Transfers_TransferredOn",
                table: "Transfers",
                column: "TransferredOn");

            migrationBuilder.Sql("CREATE TRIGGER Deposits_NoUpdate BEFORE UPDATE ON Deposits BEGIN SELECT RAISE(ABORT, 'Recorded deposits never change.'); END;");
            migrationBuilder.Sql("CREATE TRIGGER Deposits_NoDelete BEFORE DELETE ON Deposits BEGIN SELECT RAISE(ABORT, 'Recorded deposits never change.'); END;");
            migrationBuilder.Sql("CREATE TRIGGER Transfers_NoUpdate BEFORE UPDATE ON Transfers BEGIN SELECT RAISE(ABORT, 'Recorded transfers never change.'); END;");
            migrationBuilder.Sql("CREATE TRIGGER Transfers_NoDelete BEFORE DELETE ON Transfers BEGIN SELECT RAISE(ABORT, 'Recorded transfers never change.'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Deposits_NoUpdate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Deposits_NoDelete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Transfers_NoUpdate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Transfers_NoDelete;");

            migrationBuilder.DropTable(
                name: "AnnualExpenditures");

            migrationBuilder.DropTable(
                name: "Deposits");

            migrationBuilder.DropTable(
                name: "FundingTargets");

            migrationBuilder.DropTable(
                name: "FundLedger");

            migrationBuilder.DropTable(
                name: "ProgrammeBudgetLines");

            migrationBuilder.DropTable(
                name: "Transfers");

            migrationBuilder.DropTable(
                name: "Contributions");

            migrationBuilder.DropTable(
                name: "JointProgrammes");

            migrationBuilder.DropTable(
                name: "Donors");
        }
    }
}
