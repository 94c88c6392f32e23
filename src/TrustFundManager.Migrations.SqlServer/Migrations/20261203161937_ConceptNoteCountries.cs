using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustFundManager.Migrations.SqlServer.Migrations
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
                    Country = table.Column<string>(type: "nchar(3)", maxLength: 3, nullable: false),
                    ConceptNoteId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false)
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
                SELECT n.Id, j.[value], CAST(j.[key] AS int) + 1 FROM ConceptNotes n CROSS APPLY OPENJSON(n.Countries) j;
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
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.Sql("""
                UPDATE n SET Countries = COALESCE((
                    SELECT '[' + STRING_AGG('"' + c.Country + '"', ',') WITHIN GROUP (ORDER BY c.Position) + ']'
                    FROM ConceptNoteCountries c WHERE c.ConceptNoteId = n.Id), '[]')
                FROM ConceptNotes n;
                """);

            migrationBuilder.DropTable(
                name: "ConceptNoteCountries");
        }
    }
}
