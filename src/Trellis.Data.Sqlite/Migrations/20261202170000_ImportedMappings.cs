using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trellis.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ImportedMappings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "imported_mappings",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 210, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    target = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: false),
                    sources = table.Column<string>(type: "TEXT", nullable: false),
                    links = table.Column<string>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_imported_mappings", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_imported_mappings_source_target",
                table: "imported_mappings",
                columns: new[] { "source", "target" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "imported_mappings");
        }
    }
}
