// Tests for mapping the page's fetched URLs to the build's JS and CSS files.
import { describe, expect, it } from 'vitest';
import { distFilesOf } from './initialLoad.ts';

describe('distFilesOf', () => {
  it('keeps each JS and CSS file of the build once, and nothing from elsewhere', () => {
    const origin = 'http://127.0.0.1:4173';
    const urls = [
      `${origin}/`,
      `${origin}/assets/index-abc.js`,
      `${origin}/assets/index-abc.js`,
      `${origin}/assets/index-def.css`,
      `${origin}/assets/logo.svg`,
      'http://127.0.0.1:9999/assets/other.js',
    ];
    expect(distFilesOf(urls, origin, '/app/dist')).toEqual([
      '/app/dist/assets/index-abc.js',
      '/app/dist/assets/index-def.css',
    ]);
  });
});
