import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ASSETS_DIR = join(__dirname, 'assets');
const STYLE = readFileSync(join(ASSETS_DIR, 'console.css'));
const SCRIPT = readFileSync(join(ASSETS_DIR, 'console.js'));

/** The console's one style sheet and one script: served from this origin, as its CSP requires. */
@ApiExcludeController()
@Controller('console/assets')
export class ConsoleAssetsController {
  @Get('console.css')
  style(@Res() response: Response): void {
    response.type('text/css; charset=utf-8').set('Cache-Control', 'no-cache').send(STYLE);
  }

  @Get('console.js')
  script(@Res() response: Response): void {
    response.type('text/javascript; charset=utf-8').set('Cache-Control', 'no-cache').send(SCRIPT);
  }
}
