using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustFundManager.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WorkflowEngine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RevisionPeriodDays",
                table: "FundSettings",
                // The settings row exists already: it gets the default revision period.
                type: "INTEGER",
                nullable: false,
                defaultValue: 90);

            migrationBuilder.CreateTable(
                name: "WorkflowDefinitions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    StoredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowDefinitions", x => new { x.Id, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "WorkflowInstances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DefinitionId = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    DefinitionVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectTitle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Step = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    Countries = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Organizations = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowInstances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkflowInstances_WorkflowDefinitions_DefinitionId_DefinitionVersion",
                        columns: x => new { x.DefinitionId, x.DefinitionVersion },
                        principalTable: "WorkflowDefinitions",
                        principalColumns: new[] { "Id", "Version" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WorkflowJournal",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstanceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Step = table.Column<int>(type: "INTEGER", nullable: false),
                    DefinitionId = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    DefinitionVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    FromState = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    ToState = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActorRoles = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowJournal", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkflowJournal_WorkflowInstances_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "WorkflowInstances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WorkflowTasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstanceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Roles = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedByAction = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkflowTasks_WorkflowInstances_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "WorkflowInstances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WorkflowTimers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstanceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowTimers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkflowTimers_WorkflowInstances_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "WorkflowInstances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.AddCheckConstraint(
                name: "CK_FundSettings_RevisionPeriod",
                table: "FundSettings",
                sql: "RevisionPeriodDays BETWEEN 7 AND 730");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_DefinitionId_DefinitionVersion",
                table: "WorkflowInstances",
                columns: new[] { "DefinitionId", "DefinitionVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_DefinitionId_State",
                table: "WorkflowInstances",
                columns: new[] { "DefinitionId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_DefinitionId_SubjectId",
                table: "WorkflowInstances",
                columns: new[] { "DefinitionId", "SubjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowJournal_InstanceId_Step",
                table: "WorkflowJournal",
                columns: new[] { "InstanceId", "Step" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowTasks_ClosedAt_OpenedAt",
                table: "WorkflowTasks",
                columns: new[] { "ClosedAt", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowTasks_InstanceId_ClosedAt",
                table: "WorkflowTasks",
                columns: new[] { "InstanceId", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowTimers_InstanceId_Status",
                table: "WorkflowTimers",
                columns: new[] { "InstanceId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowTimers_Status_DueAt",
                table: "WorkflowTimers",
                columns: new[] { "Status", "DueAt" });

            // The journal is append-only, also for anyone who bypasses the application.
            migrationBuilder.Sql("CREATE TRIGGER WorkflowJournal_NoUpdate BEFORE UPDATE ON WorkflowJournal BEGIN SELECT RAISE(ABORT, 'The workflow journal is append-only.'); END;");
            migrationBuilder.Sql("CREATE TRIGGER WorkflowJournal_NoDelete BEFORE DELETE ON WorkflowJournal BEGIN SELECT RAISE(ABORT, 'The workflow journal is append-only.'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS WorkflowJournal_NoUpdate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS WorkflowJournal_NoDelete;");

            migrationBuilder.DropTable(
                name: "WorkflowJournal");

            migrationBuilder.DropTable(
                name: "WorkflowTasks");

            migrationBuilder.DropTable(
                name: "WorkflowTimers");

            migrationBuilder.DropTable(
                name: "WorkflowInstances");

            migrationBuilder.DropTable(
                name: "WorkflowDefinitions");

            migrationBuilder.DropCheckConstraint(
                name: "CK_FundSettings_RevisionPeriod",
                table: "FundSettings");

            migrationBuilder.DropColumn(
                name: "RevisionPeriodDays",
                table: "FundSettings");
        }
    }
}
