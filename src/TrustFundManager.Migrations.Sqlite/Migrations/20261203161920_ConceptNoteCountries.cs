using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustFundManager.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ConceptNoteCountries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConceptNoteCountries",
                columns: table => new
                {
                    Country = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    ConceptNoteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConceptNoteCountries", x => new { x.ConceptNoteId, x.Country });
                    table.ForeignKey(
                        name: "FK_ConceptNoteCountries_ConceptNotes_ConceptNoteId",
                        column: x => x.ConceptNoteId,
                        principalTable: "ConceptNotes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConceptNoteCountries_Countries_Country",
                        column: x => x.Country,
                        principalTable: "Countries",
                        principalColumn: "Alpha3",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConceptNoteCountries_Country_ConceptNoteId",
                table: "ConceptNoteCountries",
                columns: new[] { "Country", "ConceptNoteId" });

            // Each note's JSON list becomes its rows, in the list's order, before the column goes.
            migrationBuilder.Sql("""
                INSERT INTO ConceptNoteCountries (ConceptNoteId, Country, Position)
                SELECT n.Id, j.value, j.key + 1 FROM ConceptNotes n, json_each(n.Countries) j;
                """);

            migrationBuilder.DropColumn(
                name: "Countries",
                table: "ConceptNotes");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Countries",
                table: "ConceptNotes",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.Sql("""
                UPDATE ConceptNotes SET Countries = (
                    SELECT json_group_array(Country) FROM (
                        SELECT c.Country FROM ConceptNoteCountries c WHERE c.ConceptNoteId = ConceptNotes.Id ORDER BY c.Position));
                """);

            migrationBuilder.DropTable(
                name: "ConceptNoteCountries");
        }
    }
}
