import 'reflect-metadata';
import { loadEnvironmentOrExit } from '@app/config';
import { startMembersService } from './bootstrap';
import { MembersEnvironment } from './config/members.environment';

void startMembersService(loadEnvironmentOrExit(MembersEnvironment, 'members'));
