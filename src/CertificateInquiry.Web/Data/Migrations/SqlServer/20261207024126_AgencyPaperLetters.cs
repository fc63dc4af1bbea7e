using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertificateInquiry.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AgencyPaperLetters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "PaperLetterId",
                table: "Requests",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PaperLetters",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProvinceId = table.Column<int>(type: "int", nullable: false),
                    AgencyClientId = table.Column<int>(type: "int", nullable: true),
                    AgencyName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AgencyKey = table.Column<string>(type: "nvarchar(208)", maxLength: 208, nullable: false),
                    AgencyLetterNumber = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    AgencyLetterDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Purpose = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    RegisteredByUserId = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    RegisteredByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RegisteredAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    AnswerLetterNumber = table.Column<string>(type: "varchar(24)", unicode: false, maxLength: 24, nullable: true),
                    AnswerJalaliYear = table.Column<int>(type: "int", nullable: true),
                    AnswerSequence = table.Column<int>(type: "int", nullable: true),
                    VerificationCode = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: true),
                    IssuedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    SignerUserId = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: true),
                    SignerName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    SignerTitle = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperLetters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaperLetters_AgencyClients_AgencyClientId",
                        column: x => x.AgencyClientId,
                        principalTable: "AgencyClients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PaperLetters_Provinces_ProvinceId",
                        column: x => x.ProvinceId,
                        principalTable: "Provinces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PaperLetterRows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PaperLetterId = table.Column<long>(type: "bigint", nullable: false),
                    RowNumber = table.Column<int>(type: "int", nullable: false),
                    RowId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    GivenNationalCode = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    GivenCertificateNumber = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    GivenFirstName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    GivenLastName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    NationalCode = table.Column<string>(type: "varchar(10)", unicode: false, maxLength: 10, nullable: true),
                    CertificateNumber = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: true),
                    FirstName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    LastName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    Outcome = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    ReasonCode = table.Column<string>(type: "varchar(200)", unicode: false, maxLength: 200, nullable: true),
                    Reason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    RequestId = table.Column<long>(type: "bigint", nullable: true),
                    CertificateId = table.Column<long>(type: "bigint", nullable: true),
                    FoundCertificateNumber = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: true),
                    StandardTitle = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    StandardCode = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: true),
                    IssueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    CertificateStatus = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: true),
                    FirstNameMatch = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: true),
                    LastNameMatch = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: true),
                    AnsweredAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperLetterRows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaperLetterRows_Certificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PaperLetterRows_PaperLetters_PaperLetterId",
                        column: x => x.PaperLetterId,
                        principalTable: "PaperLetters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PaperLetterRows_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PaperLetterRows_PaperLetterId_RowNumber",
                table: "PaperLetterRows",
                columns: new[] { "PaperLetterId", "RowNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaperLetterRows_RequestId",
                table: "PaperLetterRows",
                column: "RequestId",
                unique: true,
                filter: "[RequestId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PaperLetters_AnswerLetterNumber",
                table: "PaperLetters",
                column: "AnswerLetterNumber",
                unique: true,
                filter: "[AnswerLetterNumber] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PaperLetters_ProvinceId_AgencyKey_AgencyLetterNumber",
                table: "PaperLetters",
                columns: new[] { "ProvinceId", "AgencyKey", "AgencyLetterNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaperLetters_ProvinceId_AnswerJalaliYear_AnswerSequence",
                table: "PaperLetters",
                columns: new[] { "ProvinceId", "AnswerJalaliYear", "AnswerSequence" },
                unique: true,
                filter: "[AnswerJalaliYear] IS NOT NULL AND [AnswerSequence] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PaperLetters_ProvinceId_RegisteredAtUtc",
                table: "PaperLetters",
                columns: new[] { "ProvinceId", "RegisteredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PaperLetters_VerificationCode",
                table: "PaperLetters",
                column: "VerificationCode",
                unique: true,
                filter: "[VerificationCode] IS NOT NULL");

            migrationBuilder.AddForeignKey(
                name: "FK_Requests_PaperLetters_PaperLetterId",
                table: "Requests",
                column: "PaperLetterId",
                principalTable: "PaperLetters",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Requests_PaperLetters_PaperLetterId",
                table: "Requests");

            migrationBuilder.DropTable(
                name: "PaperLetterRows");

            migrationBuilder.DropTable(
                name: "PaperLetters");

            migrationBuilder.DropColumn(
                name: "PaperLetterId",
                table: "Requests");
        }
    }
}
