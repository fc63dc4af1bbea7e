using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertificateInquiry.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ForeignNationals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IdentityDocumentNumber",
                table: "Requests",
                type: "TEXT",
                unicode: false,
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Nationality",
                table: "Requests",
                type: "TEXT",
                unicode: false,
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Nationality",
                table: "People",
                type: "TEXT",
                unicode: false,
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HolderNationality",
                table: "AnswerLetters",
                type: "TEXT",
                unicode: false,
                maxLength: 2,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IdentityDocumentNumber",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "Nationality",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "Nationality",
                table: "People");

            migrationBuilder.DropColumn(
                name: "HolderNationality",
                table: "AnswerLetters");
        }
    }
}
