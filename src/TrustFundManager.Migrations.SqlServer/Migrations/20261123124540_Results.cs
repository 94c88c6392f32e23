using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustFundManager.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Results : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProgressReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Organization = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ApprovedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ApprovedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ReturnComment = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgressReports_JointProgrammes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "JointProgrammes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProgressReports_Organizations_Organization",
                        column: x => x.Organization,
                        principalTable: "Organizations",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ResultsMatrices",
                columns: table => new
                {
                    ProgrammeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultsMatrices", x => x.ProgrammeId);
                    table.ForeignKey(
                        name: "FK_ResultsMatrices_JointProgrammes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "JointProgrammes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Outcome",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    Statement = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    ThematicAreaNumber = table.Column<int>(type: "int", nullable: false),
                    GcmObjectives = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Outcome", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Outcome_ResultsMatrices_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "ResultsMatrices",
                        principalColumn: "ProgrammeId",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Outcome_ThematicAreas_ThematicAreaNumber",
                        column: x => x.ThematicAreaNumber,
                        principalTable: "ThematicAreas",
                        principalColumn: "Number",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Output",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OutcomeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    Statement = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Output", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Output_Outcome_OutcomeId",
                        column: x => x.OutcomeId,
                        principalTable: "Outcome",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Output_ResultsMatrices_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "ResultsMatrices",
                        principalColumn: "ProgrammeId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Indicators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OutcomeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OutputId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Position = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Unit = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    BaselineNumber = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true),
                    BaselineText = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    BaselineDate = table.Column<DateOnly>(type: "date", nullable: false),
                    TargetNumber = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true),
                    TargetText = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    TargetDate = table.Column<DateOnly>(type: "date", nullable: false),
                    BySex = table.Column<bool>(type: "bit", nullable: false),
                    ByAge = table.Column<bool>(type: "bit", nullable: false),
                    MeansOfVerification = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Organization = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators", x => x.Id);
                    table.CheckConstraint("CK_Indicators_Value", "(Kind = 'Quantitative' AND BaselineNumber IS NOT NULL AND TargetNumber IS NOT NULL AND BaselineText IS NULL AND TargetText IS NULL) OR (Kind = 'Qualitative' AND BaselineText IS NOT NULL AND TargetText IS NOT NULL AND BaselineNumber IS NULL AND TargetNumber IS NULL)");
                    table.ForeignKey(
                        name: "FK_Indicators_Organizations_Organization",
                        column: x => x.Organization,
                        principalTable: "Organizations",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Indicators_Outcome_OutcomeId",
                        column: x => x.OutcomeId,
                        principalTable: "Outcome",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Indicators_Output_OutputId",
                        column: x => x.OutputId,
                        principalTable: "Output",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Indicators_ResultsMatrices_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "ResultsMatrices",
                        principalColumn: "ProgrammeId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportedValues",
                columns: table => new
                {
                    ReportId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    IndicatorId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ActualNumber = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true),
                    ActualText = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Narrative = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Female = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true),
                    Male = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true),
                    Children = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true),
                    Adults = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RecordedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportedValues", x => new { x.ReportId, x.IndicatorId });
                    table.ForeignKey(
                        name: "FK_ReportedValues_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReportedValues_ProgressReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "ProgressReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_Organization",
                table: "Indicators",
                column: "Organization");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_OutcomeId",
                table: "Indicators",
                column: "OutcomeId");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_OutputId",
                table: "Indicators",
                column: "OutputId");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_ProgrammeId",
                table: "Indicators",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_Outcome_ProgrammeId",
                table: "Outcome",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_Outcome_ThematicAreaNumber",
                table: "Outcome",
                column: "ThematicAreaNumber");

            migrationBuilder.CreateIndex(
                name: "IX_Output_OutcomeId",
                table: "Output",
                column: "OutcomeId");

            migrationBuilder.CreateIndex(
                name: "IX_Output_ProgrammeId",
                table: "Output",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_ApprovedOn",
                table: "ProgressReports",
                column: "ApprovedOn");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_Organization",
                table: "ProgressReports",
                column: "Organization");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_ProgrammeId_Organization_PeriodStart",
                table: "ProgressReports",
                columns: new[] { "ProgrammeId", "Organization", "PeriodStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportedValues_IndicatorId",
                table: "ReportedValues",
                column: "IndicatorId");

            migrationBuilder.Sql("EXEC(N'CREATE TRIGGER ReportedValues_Locked ON ReportedValues AFTER INSERT, UPDATE, DELETE AS IF EXISTS (SELECT 1 FROM ProgressReports r WHERE r.ApprovedOn IS NOT NULL AND (r.Id IN (SELECT ReportId FROM inserted) OR r.Id IN (SELECT ReportId FROM deleted))) THROW 51000, ''An approved report''''s values are locked.'', 1;');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ReportedValues_Locked;");

            migrationBuilder.DropTable(
                name: "ReportedValues");

            migrationBuilder.DropTable(
                name: "Indicators");

            migrationBuilder.DropTable(
                name: "ProgressReports");

            migrationBuilder.DropTable(
                name: "Output");

            migrationBuilder.DropTable(
                name: "Outcome");

            migrationBuilder.DropTable(
                name: "ResultsMatrices");
        }
    }
}
