using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertificateInquiry.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AnswerProposals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AnswerProposals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<long>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LinkedCertificateId = table.Column<long>(type: "INTEGER", nullable: true),
                    CertificateNumber = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: true),
                    CertificateKind = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: true),
                    StandardId = table.Column<int>(type: "INTEGER", nullable: true),
                    ExamDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IssueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExpiryDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TrainingCenter = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Program = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: true),
                    ProposedByUserId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    ProposedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProposedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: true),
                    DecidedByUserId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnswerProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnswerProposals_Certificates_LinkedCertificateId",
                        column: x => x.LinkedCertificateId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AnswerProposals_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AnswerProposals_TrainingStandards_StandardId",
                        column: x => x.StandardId,
                        principalTable: "TrainingStandards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AnswerProposals_RequestId",
                table: "AnswerProposals",
                column: "RequestId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnswerProposals");
        }
    }
}
