import 'reflect-metadata';
import { loadEnvironmentOrExit } from '@app/config';
import { startGateway } from './bootstrap';
import { GatewayEnvironment } from './config/gateway.environment';

void startGateway(loadEnvironmentOrExit(GatewayEnvironment, 'gateway'));
