// A byte-mode QR symbol from qrcode's core parts: qrcode/lib/core/qrcode.js's createSymbol for one byte segment only.
import { getPositions as alignmentPositions } from 'qrcode/lib/core/alignment-pattern.js';
import BitBuffer from 'qrcode/lib/core/bit-buffer.js';
import BitMatrix from 'qrcode/lib/core/bit-matrix.js';
import { M } from 'qrcode/lib/core/error-correction-level.js';
import { getBlocksCount, getTotalCodewordsCount } from 'qrcode/lib/core/error-correction-code.js';
import { getPositions as finderPositions } from 'qrcode/lib/core/finder-pattern.js';
import { getEncodedBits as formatBits } from 'qrcode/lib/core/format-info.js';
import { applyMask, getBestMask } from 'qrcode/lib/core/mask-pattern.js';
import ReedSolomonEncoder from 'qrcode/lib/core/reed-solomon-encoder.js';
import { getBCHDigit, getSymbolSize, getSymbolTotalCodewords } from 'qrcode/lib/core/utils.js';

// Why not qrcode.js itself: its segment optimiser (numeric, alphanumeric, kanji tables, regexes, Dijkstra) is most of
// the encoder's weight, and an otpauth:// URI reads as well from a single byte segment, what `mode: 'byte'` asks for.

/** Version 1..40 smallest to hold `length` bytes at level M: 4 mode bits, an 8- or 16-bit count, then the bytes. */
function versionFor(length: number): number {
  for (let version = 1; version <= 40; version += 1) {
    const dataBits = (getSymbolTotalCodewords(version) - getTotalCodewordsCount(version, M)) * 8;
    if (length <= Math.floor((dataBits - 4 - (version < 10 ? 8 : 16)) / 8)) return version;
  }
  throw new Error('The amount of data is too big to be stored in a QR Code');
}

/** Square patterns: the 7×7 finders with their separators, and the 5×5 alignment patterns, all reserved. */
function setupPatterns(matrix: BitMatrix, version: number): void {
  const { size } = matrix;
  for (const [row, col] of finderPositions(version)) {
    for (let r = -1; r <= 7; r += 1) {
      if (row + r <= -1 || size <= row + r) continue;
      for (let c = -1; c <= 7; c += 1) {
        if (col + c <= -1 || size <= col + c) continue;
        const dark =
          (r >= 0 && r <= 6 && (c === 0 || c === 6)) ||
          (c >= 0 && c <= 6 && (r === 0 || r === 6)) ||
          (r >= 2 && r <= 4 && c >= 2 && c <= 4);
        matrix.set(row + r, col + c, dark, true);
      }
    }
  }
  for (let r = 8; r < size - 8; r += 1) {
    matrix.set(r, 6, r % 2 === 0, true);
    matrix.set(6, r, r % 2 === 0, true);
  }
  for (const [row, col] of alignmentPositions(version)) {
    for (let r = -2; r <= 2; r += 1) {
      for (let c = -2; c <= 2; c += 1) {
        matrix.set(row + r, col + c, r === -2 || r === 2 || c === -2 || c === 2 || (r === 0 && c === 0), true);
      }
    }
  }
}

/** Version information (versions 7 and up): the version number and its BCH(18,6) remainder, in both corners. */
function setupVersionInfo(matrix: BitMatrix, version: number): void {
  const G18 = 0x1f25;
  let d = version << 12;
  while (getBCHDigit(d) - getBCHDigit(G18) >= 0) d ^= G18 << (getBCHDigit(d) - getBCHDigit(G18));
  const bits = (version << 12) | d;
  for (let i = 0; i < 18; i += 1) {
    const row = Math.floor(i / 3);
    const col = (i % 3) + matrix.size - 11;
    matrix.set(row, col, ((bits >> i) & 1) === 1, true);
    matrix.set(col, row, ((bits >> i) & 1) === 1, true);
  }
}

/** Format information (level M and the mask) around the top-left finder, split across the other two. */
function setupFormatInfo(matrix: BitMatrix, mask: number): void {
  const { size } = matrix;
  const bits = formatBits(M, mask);
  for (let i = 0; i < 15; i += 1) {
    const dark = ((bits >> i) & 1) === 1;
    matrix.set(i < 6 ? i : i < 8 ? i + 1 : size - 15 + i, 8, dark, true);
    matrix.set(8, i < 8 ? size - i - 1 : i < 9 ? 15 - i : 14 - i, dark, true);
  }
  matrix.set(size - 8, 8, true, true);
}

/** Data and error-correction codewords, split into blocks and interleaved, as the standard orders them. */
function codewords(bytes: Uint8Array, version: number): Uint8Array {
  const totalCodewords = getSymbolTotalCodewords(version);
  const dataCodewords = totalCodewords - getTotalCodewordsCount(version, M);
  const buffer = new BitBuffer();
  buffer.put(0b0100, 4);
  buffer.put(bytes.length, version < 10 ? 8 : 16);
  for (const byte of bytes) buffer.put(byte, 8);
  if (buffer.getLengthInBits() + 4 <= dataCodewords * 8) buffer.put(0, 4);
  while (buffer.getLengthInBits() % 8 !== 0) buffer.putBit(false);
  for (let i = 0; buffer.getLengthInBits() < dataCodewords * 8; i += 1) buffer.put(i % 2 ? 0x11 : 0xec, 8);

  const blocks = getBlocksCount(version, M);
  const group1Blocks = blocks - (totalCodewords % blocks);
  const group1Data = Math.floor(dataCodewords / blocks);
  const ecCount = Math.floor(totalCodewords / blocks) - group1Data;
  const rs = new ReedSolomonEncoder(ecCount);
  const data = new Uint8Array(buffer.buffer);
  const dataBlocks: Uint8Array[] = [];
  const ecBlocks: Uint8Array[] = [];
  for (let b = 0, offset = 0; b < blocks; b += 1) {
    const block = data.slice(offset, (offset += b < group1Blocks ? group1Data : group1Data + 1));
    dataBlocks.push(block);
    ecBlocks.push(rs.encode(block));
  }
  const out: number[] = [];
  for (let i = 0; i <= group1Data; i += 1)
    for (const block of dataBlocks) if (i < block.length) out.push(block[i] ?? 0);
  for (let i = 0; i < ecCount; i += 1) for (const block of ecBlocks) out.push(block[i] ?? 0);
  return Uint8Array.from(out);
}

/** Places the codewords in the two-module-wide zigzag from the bottom-right corner, skipping reserved modules. */
function setupData(matrix: BitMatrix, data: Uint8Array): void {
  const { size } = matrix;
  let inc = -1;
  let row = size - 1;
  let bit = 0;
  for (let col = size - 1; col > 0; col -= 2) {
    if (col === 6) col -= 1;
    for (;;) {
      for (let c = 0; c < 2; c += 1) {
        if (matrix.isReserved(row, col - c)) continue;
        matrix.set(row, col - c, (((data[bit >> 3] ?? 0) >>> (7 - (bit & 7))) & 1) === 1);
        bit += 1;
      }
      row += inc;
      if (row < 0 || size <= row) {
        row -= inc;
        inc = -inc;
        break;
      }
    }
  }
}

/**
 * The modules of `text` (UTF-8) as one byte segment at error-correction level M with the best mask: the matrix
 * `qrcode.create([{ data: text, mode: 'byte' }], { errorCorrectionLevel: 'M' })` makes (qrDataUrl.test.ts compares).
 */
export function qrByteSymbol(text: string): BitMatrix {
  const bytes = new TextEncoder().encode(text);
  const version = versionFor(bytes.length);
  const matrix = new BitMatrix(getSymbolSize(version));
  setupPatterns(matrix, version);
  setupFormatInfo(matrix, 0);
  if (version >= 7) setupVersionInfo(matrix, version);
  setupData(matrix, codewords(bytes, version));
  const mask = getBestMask(matrix, (pattern) => {
    setupFormatInfo(matrix, pattern);
  });
  applyMask(mask, matrix);
  setupFormatInfo(matrix, mask);
  return matrix;
}
