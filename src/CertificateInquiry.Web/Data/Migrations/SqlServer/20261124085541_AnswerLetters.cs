using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertificateInquiry.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AnswerLetters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AnswerLetters",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RequestId = table.Column<long>(type: "bigint", nullable: false),
                    TrackingCode = table.Column<string>(type: "varchar(12)", unicode: false, maxLength: 12, nullable: false),
                    LetterNumber = table.Column<string>(type: "varchar(24)", unicode: false, maxLength: 24, nullable: false),
                    ProvinceId = table.Column<int>(type: "int", nullable: false),
                    JalaliYear = table.Column<int>(type: "int", nullable: false),
                    Sequence = table.Column<int>(type: "int", nullable: false),
                    IssuedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    VerificationCode = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    SignerUserId = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    SignerName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    SignerTitle = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RequesterKind = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    ApplicantName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ApplicantFatherName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    ApplicantGender = table.Column<string>(type: "varchar(8)", unicode: false, maxLength: 8, nullable: true),
                    OrganizationName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    OrganizationLetterNumber = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    RequestedTrade = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RequestedExamYear = table.Column<int>(type: "int", nullable: true),
                    Outcome = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    OutcomeReason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    CertificateId = table.Column<long>(type: "bigint", nullable: true),
                    CertificateNumber = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: true),
                    CertificateKind = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: true),
                    HolderName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    HolderFatherName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    StandardTitle = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    StandardCode = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: true),
                    ExamDate = table.Column<DateOnly>(type: "date", nullable: true),
                    IssueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    TrainingCenter = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnswerLetters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnswerLetters_Certificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AnswerLetters_Provinces_ProvinceId",
                        column: x => x.ProvinceId,
                        principalTable: "Provinces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AnswerLetters_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LetterSequences",
                columns: table => new
                {
                    ProvinceId = table.Column<int>(type: "int", nullable: false),
                    JalaliYear = table.Column<int>(type: "int", nullable: false),
                    Next = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LetterSequences", x => new { x.ProvinceId, x.JalaliYear });
                    table.ForeignKey(
                        name: "FK_LetterSequences_Provinces_ProvinceId",
                        column: x => x.ProvinceId,
                        principalTable: "Provinces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AnswerLetters_LetterNumber",
                table: "AnswerLetters",
                column: "LetterNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AnswerLetters_ProvinceId_JalaliYear_Sequence",
                table: "AnswerLetters",
                columns: new[] { "ProvinceId", "JalaliYear", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AnswerLetters_RequestId",
                table: "AnswerLetters",
                column: "RequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AnswerLetters_VerificationCode",
                table: "AnswerLetters",
                column: "VerificationCode",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnswerLetters");

            migrationBuilder.DropTable(
                name: "LetterSequences");
        }
    }
}
