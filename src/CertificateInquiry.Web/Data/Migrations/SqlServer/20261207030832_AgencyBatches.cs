using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertificateInquiry.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AgencyBatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AgencyBatches",
                columns: table => new
                {
                    Id = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    AgencyClientId = table.Column<int>(type: "int", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    FileSha256 = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    Purpose = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    CaseReference = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    OfficerId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    Format = table.Column<string>(type: "varchar(8)", unicode: false, maxLength: 8, nullable: true),
                    PersonScope = table.Column<bool>(type: "bit", nullable: false),
                    ClientAddressHash = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    RejectionCode = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: true),
                    RejectionMessage = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    Total = table.Column<int>(type: "int", nullable: false),
                    Processed = table.Column<int>(type: "int", nullable: false),
                    Verified = table.Column<int>(type: "int", nullable: false),
                    NotFound = table.Column<int>(type: "int", nullable: false),
                    Invalid = table.Column<int>(type: "int", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CompletedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ResultsExpireAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ResultsDeletedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LeaseOwner = table.Column<string>(type: "varchar(100)", unicode: false, maxLength: 100, nullable: true),
                    LeasedUntilUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencyBatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgencyBatches_AgencyClients_AgencyClientId",
                        column: x => x.AgencyClientId,
                        principalTable: "AgencyClients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgencyBatchFiles",
                columns: table => new
                {
                    BatchId = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    Format = table.Column<string>(type: "varchar(8)", unicode: false, maxLength: 8, nullable: false),
                    Content = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    Sha256 = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    Signature = table.Column<string>(type: "varchar(max)", unicode: false, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencyBatchFiles", x => new { x.BatchId, x.Format });
                    table.ForeignKey(
                        name: "FK_AgencyBatchFiles_AgencyBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "AgencyBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgencyBatchRows",
                columns: table => new
                {
                    BatchId = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    RowNumber = table.Column<int>(type: "int", nullable: false),
                    RowId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    NationalCode = table.Column<string>(type: "varchar(10)", unicode: false, maxLength: 10, nullable: true),
                    CertificateNumber = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    FirstName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    LastName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Reason = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: true),
                    Processed = table.Column<bool>(type: "bit", nullable: false),
                    Outcome = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: true),
                    FirstNameMatch = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: true),
                    LastNameMatch = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: true),
                    Certificates = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencyBatchRows", x => new { x.BatchId, x.RowNumber });
                    table.ForeignKey(
                        name: "FK_AgencyBatchRows_AgencyBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "AgencyBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgencyBatches_AgencyClientId_CreatedAtUtc",
                table: "AgencyBatches",
                columns: new[] { "AgencyClientId", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AgencyBatches_AgencyClientId_IdempotencyKey",
                table: "AgencyBatches",
                columns: new[] { "AgencyClientId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgencyBatches_ResultsExpireAtUtc",
                table: "AgencyBatches",
                column: "ResultsExpireAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AgencyBatches_Status_LeasedUntilUtc",
                table: "AgencyBatches",
                columns: new[] { "Status", "LeasedUntilUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgencyBatchFiles");

            migrationBuilder.DropTable(
                name: "AgencyBatchRows");

            migrationBuilder.DropTable(
                name: "AgencyBatches");
        }
    }
}
